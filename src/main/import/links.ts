/** Only http(s) and mailto links survive into an article; anything else becomes plain text. */
export function safeLinkTarget(raw: string): string | null {
  try {
    const url = new URL(raw.trim())
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
