/**
 * The open document's claims and the undoable actions on them: mark, delete,
 * change status. The list is the API's; this hook keeps it in step after each
 * call and records how to undo each action.
 */
import { useCallback, useRef, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import type { Claim } from '../../shared/model'
import type { TextPositionSelector } from '../../shared/selector'
import { statusStyles, type Status } from '../../shared/status'
import { useUndo } from './useUndo'

const byPosition = (a: Claim, b: Claim) => a.position.start - b.position.start || a.position.end - b.position.end

interface Options {
  api: ApiClient
  report(error: unknown): void
  /** Called after every change, so the library's counts and bars follow. */
  onChanged(): void
}

export function useClaims({ api, report, onChanged }: Options) {
  const [claims, setClaims] = useState<Claim[]>([])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const documentId = useRef<string | null>(null)
  const { record, clear, undo, redo, canUndo, canRedo } = useUndo(report)

  /** Puts a claim in the list (or replaces it), when it belongs to the open document. */
  const put = useCallback((claim: Claim) => {
    if (claim.documentId !== documentId.current) return
    setClaims((current) => [...current.filter((c) => c.id !== claim.id), claim].sort(byPosition))
  }, [])
  const drop = useCallback((claimId: string) => {
    setClaims((current) => current.filter((c) => c.id !== claimId))
    setSelectedId((current) => (current === claimId ? null : current))
  }, [])

  const load = useCallback(
    (docId: string, list: Claim[]) => {
      documentId.current = docId
      setClaims(list)
      setSelectedId(null)
      clear()
    },
    [clear]
  )

  const apply = useCallback(
    async (change: () => Promise<void>) => {
      await change()
      onChanged()
    },
    [onChanged]
  )

  const mark = useCallback(
    async (docId: string, span: TextPositionSelector) => {
      try {
        const claim = await api.createClaim({ documentId: docId, ...span })
        put(claim)
        setSelectedId(claim.id)
        onChanged()
        record({
          label: 'Marking the claim',
          undo: () => apply(async () => drop((await api.deleteClaim({ claimId: claim.id })).claimId)),
          redo: () => apply(async () => put(await api.restoreClaim({ claimId: claim.id })))
        })
        return claim
      } catch (error) {
        report(error)
        return null
      }
    },
    [api, apply, drop, onChanged, put, record, report]
  )

  const remove = useCallback(
    async (claimId: string) => {
      try {
        await api.deleteClaim({ claimId })
        drop(claimId)
        onChanged()
        record({
          label: 'Deleting the claim',
          undo: () =>
            apply(async () => {
              put(await api.restoreClaim({ claimId }))
              setSelectedId(claimId)
            }),
          redo: () => apply(async () => drop((await api.deleteClaim({ claimId })).claimId))
        })
        return true
      } catch (error) {
        report(error)
        return false
      }
    },
    [api, apply, drop, onChanged, put, record, report]
  )

  const setStatus = useCallback(
    async (claim: Claim, status: Status) => {
      if (claim.status === status) return
      const from = claim.status
      const to = (value: Status) => async () => put(await api.updateClaim({ claimId: claim.id, status: value }))
      put({ ...claim, status }) // shown at once; put back if the change is refused
      try {
        await to(status)()
        onChanged()
        record({ label: `Status ${statusStyles[status].label}`, undo: () => apply(to(from)), redo: () => apply(to(status)) })
      } catch (error) {
        put(claim)
        report(error)
      }
    },
    [api, apply, onChanged, put, report]
  )

  return { claims, selectedId, setSelectedId, load, put, mark, remove, setStatus, undo, redo, canUndo, canRedo }
}
