/**
 * The writing system of a quote or a block, for the reports: Arabic-script
 * and CJK text is never set in italic (neither has true italics; browsers
 * slant it into something unreadable), right-to-left text carries dir="rtl",
 * and text in another script than the document's carries its own `lang`, so
 * screen readers and fonts treat it right. A guess from the letters, used
 * only when the import did not record the block's language.
 */

export interface ScriptInfo {
  /** A language tag guessed from the letters, or null (Latin and other scripts: the document's language applies). */
  lang: string | null
  dir: 'rtl' | 'ltr' | null
  /** True for scripts that must stay upright (Arabic, Hebrew, CJK). */
  upright: boolean
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const PERSIAN = /[پچژگکی\u06F0-\u06F9]/
const URDU = /[ٹڈڑںھے]/
const HEBREW = /[\u0590-\u05FF]/
const KANA = /[\u3040-\u30FF]/
const HANGUL = /[\uAC00-\uD7AF\u1100-\u11FF]/
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/

export function scriptOf(text: string): ScriptInfo {
  if (ARABIC.test(text)) return { lang: URDU.test(text) ? 'ur' : PERSIAN.test(text) ? 'fa' : 'ar', dir: 'rtl', upright: true }
  if (HEBREW.test(text)) return { lang: 'he', dir: 'rtl', upright: true }
  if (KANA.test(text)) return { lang: 'ja', dir: 'ltr', upright: true }
  if (HANGUL.test(text)) return { lang: 'ko', dir: 'ltr', upright: true }
  if (HAN.test(text)) return { lang: 'zh', dir: 'ltr', upright: true }
  return { lang: null, dir: null, upright: false }
}

/** The `lang` a piece of text needs when it differs from the document's, else null. */
export function ownLanguage(text: string, documentLanguage: string): string | null {
  const { lang } = scriptOf(text)
  if (!lang) return null
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase()
  return primary(lang) === primary(documentLanguage) ? null : lang
}
