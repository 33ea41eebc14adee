/**
 * Sign-off on the claim card, in a team library: "Proposed" or "Approved by
 * carol, 14:02", and for editors the Approve command (claim.approve in the
 * command table). The server refuses an analyst's approval whatever this shows.
 */
import type { Claim } from '../../shared/model'
import { CommandButton } from '../commands/CommandButton'
import { commandById } from '../commands'
import { useDesk } from '../desk/context'
import { useTeamStatus } from './useTeamStatus'

export function ApproveVerdict({ claim }: { claim: Claim }) {
  const desk = useDesk()
  const { status: team } = useTeamStatus(desk.api)
  if (!team?.joined || claim.status === 'unverified') return null
  const approved = claim.approval && claim.approval.status === claim.status ? claim.approval : null
  return (
    <div className="sign-off" role="group" aria-label="Sign-off">
      {approved ? (
        <span className="approved">
          Approved by {approved.by}, {new Date(approved.at).toLocaleString()}
        </span>
      ) : (
        <span className="proposed">Proposed{claim.approval ? ' (changed since it was approved)' : ''}</span>
      )}
      {team.editor && !approved && <CommandButton command={commandById('claim.approve')} />}
    </div>
  )
}
