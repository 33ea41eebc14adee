/** A dialog's action, one at a time: busy while it runs, and its error message if it fails. */
import { useCallback, useState } from 'react'
import { errorMessage } from '../api/client'

export function useTask() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await task()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, run }
}
