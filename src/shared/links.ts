/** A note's text split into plain runs and http(s) links; nothing else becomes a link. */
import { isWebLink } from './fields'

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
