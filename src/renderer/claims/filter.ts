/** Which claims the claims pane shows: by status, tag and text. */
import type { Claim } from '../../shared/model'
import type { Status } from '../../shared/status'

export interface ClaimFilter {
  status: Status | ''
  tag: string
  text: string
}

export const noFilter: ClaimFilter = { status: '', tag: '', text: '' }

export function matchesFilter(claim: Claim, filter: ClaimFilter): boolean {
  if (filter.status && claim.status !== filter.status) return false
  if (filter.tag && !claim.tags.includes(filter.tag)) return false
  const text = filter.text.trim().toLocaleLowerCase()
  if (!text) return true
  return [claim.quote.exact, claim.claimant ?? '', ...claim.tags].some((field) => field.toLocaleLowerCase().includes(text))
}
