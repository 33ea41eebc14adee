/**
 * Joining a team library: its postgres:// address and, if the desk uses
 * one, a password — kept in memory for this run only, never stored (else
 * PGPASSWORD or ~/.pgpass, as with psql).
 */
import { useState, type FormEvent } from 'react'
import type { ApiClient } from '../../shared/api'
import type { TeamStatus } from '../../shared/model'
import { DialogFooter } from '../dialog/DialogFooter'
import { useModal } from '../dialog/useModal'
import { useTask } from '../dialog/useTask'

interface Props {
  api: ApiClient
  open: boolean
  onConnected(status: TeamStatus): void
  onClose(): void
}

export function ConnectTeamDialog({ api, open, onConnected, onClose }: Props) {
  const [url, setUrl] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, setError, run } = useTask()

  const dialog = useModal(open, () => {
    setError(null)
    setPassword('')
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => onConnected(await api.connectTeam({ url, ...(password && { password }) })))
  }

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="team-connect-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="team-connect-title">Connect to a team library</h2>
        <p>
          The desk’s PostgreSQL database (15 or newer), signed in as your own role. Your changes go to the team and
          theirs come here; you keep working offline.
        </p>
        <label>
          Address
          <input
            type="text"
            required
            placeholder="postgres://you@server:5432/desk"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          Password (not saved)
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" />
        </label>
        <DialogFooter error={error} busy={busy} submitLabel={busy ? 'Connecting…' : 'Connect'} onCancel={onClose} />
      </form>
    </dialog>
  )
}
