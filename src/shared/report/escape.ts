/** Escaping for the text formats: every piece of text in a report passes through one of these. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or attribute value, safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

const MARKDOWN_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Text that Markdown shows as written: punctuation that could start markup
 * (emphasis, links, tables) is backslash-escaped, and <, >, & become
 * entities, so not even a naive converter finds raw HTML in it; and a
 * line that would read as a heading, list or quote is defused.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#|~!$]/g, '\\$&')
    .replace(/[&<>]/g, (c) => MARKDOWN_ENTITIES[c]!)
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.')
}

/** An http(s) address as a Markdown link destination: nothing in it can close or break out of the link. */
export function markdownUrl(url: string): string {
  return url.trim().replace(/[\s<>()[\]\\`"']/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 * A field a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe, as OWASP advises.
 */
export function csvField(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * JSON that may be pasted into a web page's <script type="application/ld+json">
 * (as ClaimReview is): <, > and & as \u escapes, so no text in it can close
 * the script element or open a comment. The same value for any JSON reader.
 */
export function jsonForPages(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
}
