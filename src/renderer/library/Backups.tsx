/**
 * The library's automatic backups, and restoring one. The library as it was
 * is kept as the newest backup, so a restore can itself be undone.
 */
import { useModal } from '../dialog/useModal'
import { formatDateTime } from '../format/time'
import { useState } from 'react'
import type { ApiClient } from '../../shared/api'
import type { Backup } from '../../shared/model'
import { errorMessage } from '../api/client'
import { useTask } from '../dialog/useTask'

interface Props {
  api: ApiClient
  /** After a restore: everything shown came from the replaced library, so reload it all. */
  onRestored(): void
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

export function Backups({ api, onRestored }: Props) {
  const [open, setOpen] = useState(false)
  const [backups, setBackups] = useState<Backup[] | null>(null)
  const [confirming, setConfirming] = useState<Backup | null>(null)
  const { busy, error, setError, run } = useTask()

  const dialog = useModal(open, () => {
    setBackups(null)
    setConfirming(null)
    setError(null)
    api.listBackups({}).then(setBackups, (e: unknown) => setError(errorMessage(e)))
  })

  const restore = (backup: Backup) =>
    run(async () => {
      await api.restoreBackup({ name: backup.name })
      setOpen(false)
      onRestored()
    })

  return (
    <>
      <button type="button" className="link backups-button" onClick={() => setOpen(true)}>
        Backups…
      </button>
      <dialog ref={dialog} className="import-dialog backups-dialog" aria-labelledby="backups-title" onClose={() => setOpen(false)}>
        <h2 id="backups-title">Backups of this library</h2>
        <p className="hint">
          Factmark backs the library up when it starts and every 15 minutes while it changes: hourly backups for a day, daily for a
          week, weekly for two months, monthly for a year. Backups taken before a restore or an upgrade are always kept.
        </p>
        {backups === null && !error && <p>Loading…</p>}
        {backups?.length === 0 && <p>No backups yet.</p>}
        {backups && backups.length > 0 && (
          <ul className="backup-list">
            {backups.map((backup) => (
              <li key={backup.name}>
                <span>
                  {formatDateTime(backup.createdAt)}{' '}
                  <span className="hint">
                    · {size(backup.bytes)}
                    {backup.claims !== null && ` · ${backup.claims} ${backup.claims === 1 ? 'claim' : 'claims'}`}
                    {backup.pinned && ` · kept: ${backup.pinned}`}
                  </span>
                </span>
                <button type="button" onClick={() => setConfirming(backup)} aria-label={`Restore the backup of ${formatDateTime(backup.createdAt)}`}>
                  Restore…
                </button>
              </li>
            ))}
          </ul>
        )}
        {confirming && (
          <div className="confirm-restore" role="group" aria-label="Confirm the restore">
            <p>
              Replace the library with the backup of {formatDateTime(confirming.createdAt)}? The library as it is now is kept as the newest
              backup.
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirming(null)}>
                Keep the library
              </button>
              <button type="button" className="danger" disabled={busy} onClick={() => void restore(confirming)}>
                {busy ? 'Restoring…' : 'Restore this backup'}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  )
}
