/**
 * The team library in the top bar: connected or offline, changes waiting,
 * last sync, conflicts; "Connect…" to join one, "Sync now" once joined.
 * Self-contained: it asks the API for the status itself (useTeamStatus), and
 * when colleagues' changes have arrived it shows them on the desk.
 */
import { useEffect, useRef, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import { useDesk } from '../desk/context'
import { showColleaguesChanges } from './colleagues'
import { ConnectTeamDialog } from './ConnectTeamDialog'
import { useTeamStatus } from './useTeamStatus'

export function TeamPanel({ api }: { api: ApiClient }) {
  const { status, setStatus, refresh } = useTeamStatus(api)
  const [connecting, setConnecting] = useState(false)
  const [syncing, setSyncing] = useState(false)
  const desk = useDesk()
  const received = useRef<number | null>(null)
  useEffect(() => {
    if (!status) return
    if (received.current !== null && status.received > received.current) void showColleaguesChanges(desk)
    received.current = status.received
  }, [status, desk])

  const syncNow = async () => {
    setSyncing(true)
    try {
      setStatus(await api.syncTeam({}))
    } catch {
      refresh()
    } finally {
      setSyncing(false)
    }
  }

  if (!status) return null
  return (
    <section className="team-panel" aria-label="Team library">
      {status.joined ? (
        <>
          <span className={`team-state ${status.connected === false ? 'offline' : 'online'}`} title={[status.url, `${status.waiting} waiting`, `last sync ${status.lastSync ?? 'never'}`, status.lastError].filter(Boolean).join(' · ')}>
            {status.connected === false ? 'Team: offline' : 'Team: connected'}
          </span>
          <span className="team-detail">{status.waiting ? `${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting` : 'all sent'}</span>
          <span className="team-detail team-last-sync">last sync {status.lastSync ? new Date(status.lastSync).toLocaleTimeString() : 'never'}</span>
          {status.conflicts > 0 && (
            <span className="team-conflicts" title="Values changed by someone who had not seen them: see each claim's history">
              {status.conflicts} conflict{status.conflicts === 1 ? '' : 's'}
            </span>
          )}
          <button type="button" className="team-sync" onClick={() => void syncNow()} disabled={syncing}>
            Sync now
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConnecting(true)}>
          Connect to a team…
        </button>
      )}
      <ConnectTeamDialog
        api={api}
        open={connecting}
        onConnected={(joined) => {
          setStatus(joined)
          setConnecting(false)
        }}
        onClose={() => setConnecting(false)}
      />
    </section>
  )
}
