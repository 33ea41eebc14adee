/**
 * Undo and redo for every edit the analyst makes. Each edit knows how to undo
 * and redo itself through the API, so the history on the main side is only
 * appended to (a restore, a change back), never rewritten.
 */
import { Value } from './value'

export interface Undoable {
  /** What was done, for the announcement: "the claimant of claim 3". */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

export class UndoHistory {
  private done: Undoable[] = []
  private undone: Undoable[] = []
  // Steps run one after another, even when keys repeat faster than the API answers.
  private queue: Promise<unknown> = Promise.resolve()
  /** Bumped on every change, for controls that show whether undo is possible. */
  readonly version = new Value(0)

  record(action: Undoable): void {
    this.done.push(action)
    this.undone = []
    this.version.update((n) => n + 1)
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }
  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** Undoes the last edit; resolves to its label, or null when there was none (or it failed: `onError`). */
  undo(onError: (error: unknown) => void): Promise<string | null> {
    return this.step(this.done, this.undone, (action) => action.undo(), onError)
  }
  redo(onError: (error: unknown) => void): Promise<string | null> {
    return this.step(this.undone, this.done, (action) => action.redo(), onError)
  }

  clear(): void {
    this.done = []
    this.undone = []
    this.version.update((n) => n + 1)
  }

  private step(from: Undoable[], to: Undoable[], run: (action: Undoable) => Promise<void>, onError: (error: unknown) => void) {
    const result = this.queue.then(async () => {
      const action = from.pop()
      if (!action) return null
      try {
        await run(action)
        to.push(action)
        return action.label
      } catch (error) {
        onError(error)
        return null
      } finally {
        this.version.update((n) => n + 1)
      }
    })
    this.queue = result
    return result
  }
}
