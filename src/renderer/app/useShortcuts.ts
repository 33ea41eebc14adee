/**
 * Window-wide keyboard shortcuts. Keys that type (digits, Delete, undo) are
 * left to text fields when one has focus; the article is read-only, so they
 * act on the selected claim there.
 */
import { useEffect, useRef } from 'react'

export interface ShortcutHandlers {
  importArticle(): void
  focusSearch(): void
  undo(): void
  redo(): void
  nextClaim(step: 1 | -1): void
  /** Digit 1–7: the status at that place in the vocabulary. */
  statusKey(index: number): void
  deleteClaim(): void
  /** N: write a note on the selected claim. */
  newNote(): void
  /** Escape: close the claim card. */
  deselect(): void
}

function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('[aria-readonly="true"]')) return false
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(target.type)
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers)
  current.current = handlers
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = current.current
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      const inText = typesText(event.target)
      const act = (run: () => void) => {
        event.preventDefault()
        run()
      }
      if (mod && !event.shiftKey && key === 'o') return act(h.importArticle)
      if (mod && key === 'k') return act(h.focusSearch)
      if (inText) return
      if (mod && key === 'z') return act(event.shiftKey ? h.redo : h.undo)
      if (mod && key === 'y') return act(h.redo)
      if (event.altKey && !mod && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        return act(() => h.nextClaim(event.key === 'ArrowDown' ? 1 : -1))
      }
      if (!mod && !event.altKey && /^[1-7]$/.test(event.key)) return act(() => h.statusKey(Number(event.key) - 1))
      if (!mod && !event.altKey && event.key === 'Delete') return act(h.deleteClaim)
      if (!mod && !event.altKey && key === 'n') return act(h.newNote)
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) h.deselect()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
