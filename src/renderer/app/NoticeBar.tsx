/** The one-line message under the toolbar: an error, a confirmation, or "Claim deleted. Undo". */
export interface Notice {
  message: string
  /** Offer Undo beside the message (after a deletion). */
  undo?: boolean
}

export function NoticeBar({ notice, onUndo, onDismiss }: { notice: Notice | null; onUndo(): void; onDismiss(): void }) {
  if (!notice) return null
  return (
    <p className="notice" role="alert">
      <span>{notice.message}</span>
      <span>
        {notice.undo && (
          <button type="button" className="link" onClick={onUndo}>
            Undo
          </button>
        )}
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss message">
          ×
        </button>
      </span>
    </p>
  )
}
