/**
 * A modal <dialog> that follows `open`: shown (after `onOpen` resets what it
 * shows) when it turns true, closed when it turns false. Its own close
 * (Escape, a form's dialog method) reaches the owner through `onClose` on the
 * element, which should turn `open` false.
 */
import { useEffect, useEffectEvent, useRef } from 'react'

export function useModal(open: boolean, onOpen?: () => void) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opening = useEffectEvent(() => onOpen?.())
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opening()
      element.showModal()
    } else if (!open && element.open) element.close()
  }, [open])
  return dialog
}
