/**
 * The fields an analyst writes on a claim (claimant, tags, notes, sources)
 * and their limits, named once so the contract's schemas, the service's
 * messages and the claim card agree. Pure: the renderer uses the same checks
 * to warn early; the main side enforces them.
 */

export const fieldLimits = {
  claimantLength: 500,
  /** A claim is a sentence or a passage; longer selections are refused before anything is drawn. */
  claimLength: 5_000,
  tagLength: 60,
  tagsPerClaim: 30,
  /** A note is a paragraph or a page of reasoning, not a pasted article. */
  noteLength: 20_000,
  urlLength: 2048,
  sourceTitleLength: 500,
  excerptLength: 10_000,
  analystNameLength: 100,
  searchLength: 200
}

/**
 * Checks an evidence URL: only http(s) addresses with a host. Returns the
 * URL as given (trimmed) or throws an Error whose message names the problem.
 */
export function checkSourceUrl(input: string): string {
  const text = input.trim()
  if (!text) throw new Error('The source needs a URL.')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    throw new Error(`“${scheme}:” addresses are not allowed as sources: use an http:// or https:// link.`)
  }
  if (!scheme) throw new Error(`“${clip(text)}” is not a web address: it must start with http:// or https://.`)
  if (/\s/.test(text)) throw new Error(`“${clip(text)}” is not a valid web address: it contains spaces.`)
  if (!isWebLink(text)) throw new Error(`“${clip(text)}” is not a valid web address: it has no host name.`)
  return text
}

/** http(s)://host… where host is a name, an IPv4 or a bracketed IPv6 address (optionally with user and port). */
const WEB_LINK = /^https?:\/\/(?:[^\s/?#@]*@)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/iu

/** True for links a note or source may open: http(s) with a host, no white space. */
export function isWebLink(text: string): boolean {
  return WEB_LINK.test(text)
}

/** Trims tags, drops repeats, keeps the analyst's order. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()))]
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}
