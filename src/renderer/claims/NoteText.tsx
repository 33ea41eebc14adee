/**
 * A note as plain text: http(s) links become links that open outside the app
 * (a new window in a browser, the system browser in the desktop app), and
 * everything else — HTML included — is shown as the characters it is.
 */
import { noteParts } from '../../shared/links'

export function NoteText({ body }: { body: string }) {
  return (
    <p className="note-body" dir="auto">
      {noteParts(body).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        )
      )}
    </p>
  )
}
