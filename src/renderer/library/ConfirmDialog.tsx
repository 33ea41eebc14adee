/** Asks before something that cannot be undone (deleting a document). */
import { useEffect, useRef } from 'react'

interface Props {
  /** The question; null when closed. */
  question: { title: string; body: string; confirm: string } | null
  onConfirm(): void
  onCancel(): void
}

export function ConfirmDialog({ question, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (question && !element.open) element.showModal()
    else if (!question && element.open) element.close()
  }, [question])
  return (
    <dialog ref={dialog} className="import-dialog confirm-dialog" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={onCancel}>
      <h2 id="confirm-title">{question?.title}</h2>
      <p id="confirm-body">{question?.body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {question?.confirm}
        </button>
      </div>
    </dialog>
  )
}
