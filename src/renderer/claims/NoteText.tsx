/**
 * A note as plain text: http(s) links become links that open outside the app
 * (a new window in a browser, the system browser in the desktop app), and
 * everything else — HTML included — is shown as the characters it is.
 */
import { isWebLink } from '../../shared/fields'

const LINK = /https?:\/\/[^\s<>"“”«»]+/giu

/** The pieces of a note: text, or an http(s) link with the punctuation after it left out. */
export function noteParts(body: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = []
  let last = 0
  for (const match of body.matchAll(LINK)) {
    const href = match[0].replace(/[.,;:!?)\]}'’]+$/u, '')
    if (!isWebLink(href)) continue
    if (match.index > last) parts.push({ text: body.slice(last, match.index) })
    parts.push({ text: href, href })
    last = match.index + href.length
  }
  if (last < body.length) parts.push({ text: body.slice(last) })
  return parts
}

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
