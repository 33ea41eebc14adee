/**
 * The one-line message under the toolbar. Errors are alerts; confirmations
 * ("Undone: the claimant of claim 3.") are a polite status, so a screen
 * reader says them without interrupting.
 */
import { undo } from '../claims/actions'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'

export function NoticeBar() {
  const desk = useDesk()
  const notice = useValue(desk.notice)
  // The live region stays in the page, so each new message is announced.
  return (
    <div className="notice-line" role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && (
        <p className={`notice notice--${notice.kind}`}>
          <span>{notice.message}</span>
          <span>
            {notice.undo && (
              <button type="button" className="link" onClick={() => void undo(desk)}>
                Undo
              </button>
            )}
            <button type="button" className="link" onClick={() => desk.notice.set(null)} aria-label="Dismiss message">
              ×
            </button>
          </span>
        </p>
      )}
    </div>
  )
}
