/**
 * The fields an analyst writes on a claim (claimant, tags, notes, sources)
 * and their limits, named once so the contract's schemas, the service's
 * messages and the claim card agree. Pure: the renderer uses the same checks
 * to warn early; the main side enforces them.
 */

export const fieldLimits = {
  claimantLength: 500,
  tagLength: 60,
  tagsPerClaim: 30,
  /** A note is a paragraph or a page of reasoning, not a pasted article. */
  noteLength: 20_000,
  urlLength: 2048,
  sourceTitleLength: 500,
  excerptLength: 10_000,
  analystNameLength: 100,
  searchLength: 200,
  // Publishing (issue 12): what readers see.
  organisationNameLength: 200,
  /** The public explanation of a verdict: a few paragraphs. */
  rationaleLength: 10_000,
  conclusionLength: 10_000,
  ratingLabelLength: 40,
  ratingDefinitionLength: 2_000,
  /** A logo is a small picture, not a photograph: 1 MB. */
  logoBytes: 1024 * 1024
}

/** The pictures a logo may be, told by their first bytes (a file name or a claimed type is not trusted). */
export const logoTypes = ['image/png', 'image/jpeg'] as const
export type LogoType = (typeof logoTypes)[number]

/**
 * What picture the bytes are: PNG or JPEG by their signature, else null.
 * PNG starts 89 50 4E 47 0D 0A 1A 0A; JPEG starts FF D8 FF.
 */
export function logoType(bytes: Uint8Array): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > png.length && png.every((b, i) => bytes[i] === b)) return 'image/png'
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  return null
}

/** Checks a logo's bytes: a PNG or JPEG of at most 1 MB. Throws an Error naming the problem. */
export function checkLogo(bytes: Uint8Array): LogoType {
  if (bytes.length > fieldLimits.logoBytes) {
    throw new Error(`The logo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: it must be at most 1 MB.`)
  }
  const type = logoType(bytes)
  if (!type) throw new Error('The logo must be a PNG or JPEG picture.')
  return type
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
