/** The claim card's data in one call. */
import type { ClaimDetail } from '../../shared/model'
import { getClaim } from './claims'
import type { ServiceContext } from './context'
import { listHistory } from './history'
import { listNotes } from './notes'
import { listSources } from './sources'

export function getClaimDetail(context: ServiceContext, claimId: string): ClaimDetail {
  return {
    claim: getClaim(context, claimId),
    notes: listNotes(context, claimId),
    sources: listSources(context, claimId),
    history: listHistory(context, claimId)
  }
}
