/** The end of a form dialog: its error, if any, then Cancel and the submit button. */
interface Props {
  error: string | null
  busy: boolean
  submitLabel: string
  cancelLabel?: string
  onCancel(): void
}

export function DialogFooter({ error, busy, submitLabel, cancelLabel = 'Cancel', onCancel }: Props) {
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
