/** The team library's status, asked of the API now and every few seconds (sync runs in the background). */
import { useCallback, useEffect, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import type { TeamStatus } from '../../shared/model'

const REFRESH_MS = 2000

export function useTeamStatus(api: ApiClient) {
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const refresh = useCallback(() => {
    api.getTeamStatus({}).then(setStatus, () => setStatus(null))
  }, [api])
  useEffect(() => {
    refresh()
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])
  return { status, setStatus, refresh }
}
