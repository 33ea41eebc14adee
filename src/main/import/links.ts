/**
 * Only http(s) and mailto links survive into an article; anything else
 * (javascript:, data:, file:, vbscript:, …) becomes plain text. A relative
 * link resolves against `base`, the page's address, when there is one.
 */
export function safeLinkTarget(raw: string, base?: string): string | null {
  try {
    const url = new URL(raw.trim(), base)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** A page's own address (canonical URL, source URL): http(s) only. */
export function webAddress(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null
  const target = safeLinkTarget(raw, base)
  return target && /^https?:/.test(target) ? target : null
}
