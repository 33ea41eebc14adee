/**
 * Sign-off on the claim card, in a team library: "Proposed" or "Approved by
 * carol, 14:02", and for editors an Approve button. The server refuses an
 * analyst's approval whatever this shows.
 */
import type { ApiClient } from '../../shared/api'
import type { Claim } from '../../shared/model'
import { useTask } from '../dialog/useTask'
import { useTeamStatus } from './useTeamStatus'

interface Props {
  api: ApiClient
  claim: Claim
  onUpdated(claim: Claim): void
}

export function ApproveVerdict({ api, claim, onUpdated }: Props) {
  const { status: team } = useTeamStatus(api)
  const { busy, error, run } = useTask()

  if (!team?.joined || claim.status === 'unverified') return null
  const approved = claim.approval && claim.approval.status === claim.status ? claim.approval : null
  return (
    <div className="sign-off" aria-label="Sign-off">
      {approved ? (
        <span className="approved">
          Approved by {approved.by}, {new Date(approved.at).toLocaleString()}
        </span>
      ) : (
        <span className="proposed">Proposed{claim.approval ? ' (changed since it was approved)' : ''}</span>
      )}
      {team.editor && !approved && (
        <button type="button" disabled={busy} onClick={() => void run(async () => onUpdated(await api.approveClaim({ claimId: claim.id })))}>
          Approve
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
