/**
 * Commands on the selected claim: verdicts (one per verdict in the vocabulary,
 * keyed by its place in it), a note, delete, moving between claims.
 */
import { statuses, statusStyles } from '../../shared/status'
import { approveVerdict, deleteClaim, setVerdict, stepClaim } from '../claims/actions'
import { matchesFilter } from '../claims/filter'
import type { Desk } from '../desk/Desk'
import { command } from './command'

const selected = (desk: Desk) => !!desk.selectedClaim
const visible = (desk: Desk) => desk.claims.get().filter((claim) => matchesFilter(claim, desk.filter.get()))

export const verdictCommands = statuses.map((status, i) =>
  command({
    id: `verdict.${status}`,
    label: `Verdict: ${statusStyles[status].label}`,
    keys: [String(i + 1)],
    places: ['highlight'],
    when: selected,
    run: (desk) => {
      const claim = desk.selectedClaim
      if (claim) return setVerdict(desk, claim, status)
    }
  })
)

export const claimCommands = [
  ...verdictCommands,
  command({
    id: 'claim.approve',
    label: 'Approve the verdict',
    hint: 'Editors of a team library sign off a verdict: proposed → approved, with their name and the time',
    when: (desk) => {
      const claim = desk.selectedClaim
      return !!claim && claim.status !== 'unverified' && claim.approval?.status !== claim.status
    },
    run: (desk) => {
      const claim = desk.selectedClaim
      if (claim) return approveVerdict(desk, claim)
    }
  }),
  command({
    id: 'claim.note',
    label: 'Write a note',
    keys: ['n'],
    places: ['highlight'],
    when: selected,
    run: (desk) => desk.focus('note')
  }),
  command({
    id: 'claim.next',
    label: 'Next claim',
    keys: ['Alt-ArrowDown'],
    when: (desk) => desk.claims.get().length > 0,
    run: (desk) => stepClaim(desk, visible(desk), 1)
  }),
  command({
    id: 'claim.previous',
    label: 'Previous claim',
    keys: ['Alt-ArrowUp'],
    when: (desk) => desk.claims.get().length > 0,
    run: (desk) => stepClaim(desk, visible(desk), -1)
  }),
  command({
    id: 'claim.delete',
    label: 'Delete claim',
    keys: ['Delete'],
    places: ['highlight'],
    tone: 'danger',
    when: selected,
    run: (desk) => {
      const claim = desk.selectedClaim
      if (claim) return deleteClaim(desk, claim)
    }
  }),
  command({
    id: 'claim.close',
    label: 'Close the claim card',
    keys: ['Escape'],
    when: selected,
    run: (desk) => desk.selectClaim(null)
  })
]
