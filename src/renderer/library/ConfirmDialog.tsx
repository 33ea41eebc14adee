/** Asks before something that cannot be undone (deleting a document), or offers a choice (open the copy already in the library). */
import { useId } from 'react'
import { useModal } from '../dialog/useModal'

interface Props {
  /** The question; null when closed. */
  question: { title: string; body: string; confirm: string; cancel?: string; danger?: boolean } | null
  onConfirm(): void
  onCancel(): void
}

export function ConfirmDialog({ question, onConfirm, onCancel }: Props) {
  // More than one is mounted (deleting a document, a text imported twice): ids of their own.
  const id = useId()
  const dialog = useModal(!!question)
  return (
    <dialog ref={dialog} className="import-dialog confirm-dialog" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onCancel}>
      <h2 id={`${id}-title`}>{question?.title}</h2>
      <p id={`${id}-body`}>{question?.body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {question?.cancel ?? 'Cancel'}
        </button>
        <button type="button" className={question?.danger === false ? 'primary' : 'danger'} onClick={onConfirm}>
          {question?.confirm}
        </button>
      </div>
    </dialog>
  )
}
