/**
 * Undo and redo for the actions that change what the analyst has marked:
 * creating and deleting a claim, changing its status. Each action knows how
 * to undo and redo itself through the API, so the history on the main side
 * is appended to (a restore, a status change back), never rewritten.
 */
import { useCallback, useRef, useState } from 'react'

export interface Undoable {
  /** What was done, for messages: "Marked claim", "Status: Disputed". */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

export function useUndo(report: (error: unknown) => void) {
  const done = useRef<Undoable[]>([])
  const undone = useRef<Undoable[]>([])
  // Steps run one after another, even when keys repeat faster than the API answers.
  const queue = useRef<Promise<void>>(Promise.resolve())
  const [, changed] = useState(0)

  const record = useCallback((action: Undoable) => {
    done.current.push(action)
    undone.current = []
    changed((n) => n + 1)
  }, [])

  const step = useCallback(
    (from: React.RefObject<Undoable[]>, to: React.RefObject<Undoable[]>, run: (action: Undoable) => Promise<void>) =>
      new Promise<string | null>((resolve) => {
        queue.current = queue.current.then(async () => {
          const action = from.current.pop()
          if (!action) return resolve(null)
          try {
            await run(action)
            to.current.push(action)
            resolve(action.label)
          } catch (error) {
            report(error)
            resolve(null)
          }
          changed((n) => n + 1)
        })
      }),
    [report]
  )

  const undo = useCallback(() => step(done, undone, (action) => action.undo()), [step])
  const redo = useCallback(() => step(undone, done, (action) => action.redo()), [step])
  const clear = useCallback(() => {
    done.current = []
    undone.current = []
    changed((n) => n + 1)
  }, [])

  return { record, undo, redo, clear, canUndo: done.current.length > 0, canRedo: undone.current.length > 0 }
}
