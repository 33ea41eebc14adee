/**
 * Promotional and advertising blocks that Readability leaves inside an
 * article, removed by three small rules (each tested in faithful.test.ts):
 *
 * 1. Named as ads: an element whose class or id has a word such as `ad`,
 *    `ads`, `advert`, `sponsored`, `promo`, `outbrain` or `taboola` (words as
 *    split on `-` and `_`: "ad-slot" is one, "header" and "add" are not), and
 *    that holds under 600 characters of text and under half the page's —
 *    ads are short; a container named "has-ads" that holds the article is
 *    not removed.
 * 2. Labelled as ads: a paragraph that is, or begins with, a label such as
 *    "Sponsored", "Advertisement", "Anzeige", "Publicité", "Реклама", "إعلان",
 *    "تبلیغ" or "广告" followed by a colon, a dash or nothing.
 * 3. Short link-only blocks: a paragraph of at most 120 characters whose
 *    text is all link but for a short lead-in ("Read more: ", "See also"),
 *    which is how teasers for other stories look inside an article.
 */
import { blockText, type Block } from '../../shared/article'
import type { DomDocument } from './dom'
import { removeNamed } from './furniture'

const AD_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'sponsor', 'sponsored',
  'promo', 'promoted', 'promotion', 'outbrain', 'taboola', 'commercial', 'werbung', 'anzeige'
])

const LABEL =
  /^(sponsored( content| post)?|advertisement|advertising|paid (content|post)|partner content|promoted|anzeige|werbung|publicité|publicidad|pubblicità|реклама|إعلان|تبلیغات?|广告|廣告)\s*([:：|–—-]|$)/i

const LINK_ONLY_LENGTH = 120
const LEAD_IN_LENGTH = 16

/** Rule 1, on the page before extraction. */
export function removeNamedAds(document: DomDocument): void {
  void removeNamed(document, AD_WORDS)
}

/** Rules 2 and 3, on the article's blocks. Recursion is bounded by the model's depth cap. */
export function withoutPromotions(blocks: readonly Block[]): Block[] {
  const out: Block[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph' && isPromotion(block)) continue
    if (block.type === 'blockquote') {
      const content = withoutPromotions(block.content)
      if (content.length) out.push({ ...block, content })
    } else if (block.type === 'list') {
      // A list of links is a list of sources as often as a list of teasers: only labels go.
      const items = block.items.map((item) => item.filter((b) => !(b.type === 'paragraph' && LABEL.test(blockText(b))))).filter((item) => item.length)
      if (items.length) out.push({ ...block, items })
    } else out.push(block)
  }
  return out
}

function isPromotion(block: Extract<Block, { type: 'paragraph' }>): boolean {
  const text = blockText(block)
  if (LABEL.test(text.trim())) return true
  const unlinked = block.content.filter((inline) => !inline.href).reduce((n, inline) => n + inline.text.trim().length, 0)
  return text.length <= LINK_ONLY_LENGTH && block.content.some((inline) => inline.href) && unlinked <= LEAD_IN_LENGTH
}
