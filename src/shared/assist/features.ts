/**
 * What makes a sentence worth checking, as numbers a linear model can weigh.
 * Two kinds of feature:
 * - cues that carry across languages — numbers, quantities, percentages, dates,
 *   comparisons, attributions ("said", "according to", «به گفته», 「据」), names
 *   by script cues, length — each a named feature whose English-trained weight
 *   applies to Persian and Chinese cues as well;
 * - hashed word unigrams and bigrams of Latin-script words (English), which only
 *   English sentences fire.
 * Pure: used by the app, the `factmark` command and the training script alike.
 */

/** Named features, in a fixed order: their weights come first in the model. */
export const CUE_FEATURES = [
  'bias',
  'words_log',
  'short',
  'long',
  'numbers',
  'has_number',
  'percent',
  'money',
  'magnitude',
  'year',
  'date',
  'comparison',
  'superlative',
  'change',
  'attribution',
  'names',
  'has_name',
  'question',
  'first_person',
  'second_person',
  'hedge',
  'greeting',
  'negation',
  'quote',
  'chinese',
  'persian'
] as const
export type CueFeature = (typeof CUE_FEATURES)[number]

/** A sparse feature vector: index → value. */
export type Features = Map<number, number>

/** How many buckets the hashed word n-grams fall into. */
export const HASH_BUCKETS = 1 << 15

const PERSIAN_DIGITS = /[۰-۹٠-٩]/u
const ASCII_NUMBER = /\d+(?:[.,]\d+)*/gu
// Han numerals count when a measure or unit follows them, or after 百分之 ("percent of").
const CHINESE_NUMBER = /百分之[零〇一二三四五六七八九十百千点]+|[零〇一二三四五六七八九十百千万亿兩两]+(?=[个%％万亿年月日人元倍次名座件项岁])/gu

/**
 * A cue in three languages, looked up in the sentence's words rather than by
 * one large regular expression per cue (that was most of the ranking time):
 * English and Persian words and two-word phrases, word endings and beginnings,
 * and Chinese substrings (Chinese has no spaces).
 */
interface Cue {
  words: readonly string[]
  endings?: readonly string[]
  beginnings?: readonly string[]
  chinese?: readonly string[]
  /** Anything else, tested on the raw sentence. */
  pattern?: RegExp
}

const list = (text: string) => text.split('|').filter(Boolean)
const cue = (english: string, persian: string, chinese: string, extra: Omit<Cue, 'words' | 'chinese'> = {}): Cue => ({
  words: [...list(english), ...list(persian)],
  chinese: list(chinese),
  ...extra
})

type CueName = 'percent' | 'money' | 'magnitude' | 'year' | 'date' | 'comparison' | 'superlative' | 'change' | 'attribution' |
  'first_person' | 'second_person' | 'hedge' | 'greeting' | 'negation'

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december'
const CUES: Record<CueName, Cue> = {
  percent: cue('percent|per cent|percentage', 'درصد', '百分之', { pattern: /[%％]/u }),
  money: cue('dollar|dollars|euro|euros|pounds|cents|budget|tax|taxes|deficit|debt', 'دلار|تومان|ریال|یورو|بودجه|مالیات', '美元|人民币|预算|税', {
    pattern: /[$€£¥﷼]|\d元/u
  }),
  magnitude: cue('thousand|thousands|million|millions|billion|billions|trillion|trillions|hundred|hundreds|dozen|dozens', 'هزار|میلیون|میلیارد', '千|万|亿'),
  year: { words: [], pattern: /\b(?:1[89]\d\d|20\d\d)\b|[۱۲][۰-۹]{3}|\d{4}年/u },
  date: cue(
    `${MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last year|last month|last week|since`,
    'فروردین|اردیبهشت|خرداد|مرداد|شهریور|آبان|آذر|بهمن|اسفند|ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر|سال گذشته|از سال',
    '去年|今年|自从|以来',
    { pattern: /\d月/u }
  ),
  comparison: cue(
    'more|less|fewer|than|higher|lower|larger|smaller|bigger|greater|double|doubled|doubles|triple|tripled|half|twice|times as|compared|versus',
    'بیشتر|کمتر|بیش از|برابر|نسبت به|تر از',
    '比|更|多于|少于|超过|低于|倍'
  ),
  superlative: cue(
    'most|least|largest|biggest|highest|lowest|worst|best|first|only|record|ever|never|every|all|nobody|none',
    'بزرگترین|بیشترین|کمترین|بدترین|بهترین|نخستین|اولین|هرگز',
    '最|首次|从未|唯一',
    { endings: ['est', 'ترین'] }
  ),
  change: cue(
    'increase|increased|increases|decrease|decreased|decreases|rise|rose|risen|fell|fall|fallen|grew|grow|grown|growth|cut|cuts|raise|raised|' +
      'lost|lose|gain|gained|doubled|dropped|decline|declined|created|killed|died|spent|paid|voted|signed|approved|passed',
    'افزایش|کاهش|رشد|کشته|پرداخت|تصویب|امضا',
    '增加|减少|增长|下降|上升|死亡|通过|签署'
  ),
  attribution: cue(
    'said|says|say|told|stated|claim|claimed|claims|according to|reported|announced|admitted|testified|report|study|studies|data|statistics|survey|poll',
    'به گفته|گفت|گفته است|اعلام کرد|طبق|بر اساس|بنا بر|گزارش|آمار|نظرسنجی',
    '据|根据|表示|称|报道|报告|数据|统计|调查'
  ),
  first_person: cue("i|i'm|i've|i'll|me|my|we|we're|we'll|us|our", 'من|ما', '我'),
  second_person: cue("you|you're|your", 'شما|تو', '你|您'),
  hedge: cue(
    "think|believe|hope|maybe|perhaps|might|should|could|would|will|going to|want|let's|please",
    'امیدوارم|شاید|باید|فکر می‌کنم',
    '希望|也许|应该|可能|将要'
  ),
  greeting: cue(
    'thank|thanks|welcome|hello|applause|laughter|crosstalk|okay|ok|yes|no|well|good evening|good morning|good night',
    'متشکرم|ممنون|سلام|خوش آمدید',
    '谢谢|欢迎|你好'
  ),
  negation: cue('not|no|never|nothing', 'نه|هیچ', '不|没有|未', { endings: ["n't"], beginnings: ['نمی'] })
}

/** Whether a cue occurs among a sentence's words (and two-word phrases), or in its Chinese text. */
function hasCue(c: Cue, sentence: string, words: ReadonlySet<string>, hasHan: boolean): boolean {
  if (c.words.some((w) => words.has(w))) return true
  if (c.endings || c.beginnings) {
    for (const w of words) {
      if (w.includes(' ')) continue
      if (c.endings?.some((e) => w.length > e.length + 2 && w.endsWith(e))) return true
      if (c.beginnings?.some((b) => w.length > b.length && w.startsWith(b))) return true
    }
  }
  if (hasHan && c.chinese?.some((z) => sentence.includes(z))) return true
  return c.pattern?.test(sentence) ?? false
}

/** A sentence's lower-cased words and two-word phrases, in every script (ZWNJ kept inside Persian words). */
function wordsAndPairs(sentence: string): Set<string> {
  const words = sentence.toLowerCase().replace(/’/gu, "'").match(/[\p{L}\p{M}\p{N}\u200c]+(?:'[\p{L}]+)?/gu) ?? []
  const out = new Set(words)
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`)
  return out
}

// Capitalised words that are not names.
const NOT_NAMES = new Set(
  'I The A An And But So Or If In On At To Of We You He She It They This That These Those There Here What When Where Why How Who Well Now Yes No Thank Thanks Let Because And Mr Mrs Ms Dr'.split(' ')
)

/** Latin-script words of a sentence, lower-cased: the hashed n-grams' words. */
export function latinWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*|\d+(?:[.,]\d+)*/gu) ?? []).map((word) =>
    /^\d/u.test(word) ? '<num>' : word.replace(/’/gu, "'")
  )
}

/** Words, whatever the script: Chinese counts each Han character as a word (about 1.5 per English word). */
function wordCount(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  const spaced = text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return spaced + han / 1.5
}

/** Names by script cues: capitalised Latin words past the first, quoted or bracketed names elsewhere. */
function nameCount(text: string): number {
  const latin = text.match(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{Ll}\p{Lu}.'-]+/gu) ?? []
  const initials = text.match(/\b\p{Lu}{2,}\b/gu) ?? []
  // Chinese: proper-name suffixes (国, 省, 市, 部, 党…) after two or more Han characters.
  const han = text.match(/\p{Script=Han}{2,}(?:国|省|市|县|部|党|局|委员会|公司|大学|组织)/gu) ?? []
  // Persian: names introduced by titles or institutions.
  const persian = text.match(/(?:آقای|خانم|وزیر|رئیس|سازمان|وزارت|دولت|مجلس|دانشگاه)\s+\p{Script=Arabic}+/gu) ?? []
  return latin.filter((w) => !NOT_NAMES.has(w.replace(/[.'-]+$/u, ''))).length + initials.length + han.length + persian.length
}

function numberCount(text: string): number {
  return (text.match(ASCII_NUMBER)?.length ?? 0) + (text.match(/[۰-۹٠-٩]+/gu)?.length ?? 0) + (text.match(CHINESE_NUMBER)?.length ?? 0)
}

/** FNV-1a, 32 bits: stable across runs and platforms. */
export function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const CUE_INDEX = new Map<string, number>(CUE_FEATURES.map((name, index) => [name, index]))

/** The feature vector of one sentence. */
export function features(sentence: string): Features {
  const out: Features = new Map()
  const set = (name: CueFeature, value: number) => {
    if (value !== 0) out.set(CUE_INDEX.get(name)!, value)
  }
  const words = wordCount(sentence)
  const numbers = numberCount(sentence)
  const names = nameCount(sentence)
  set('bias', 1)
  set('words_log', Math.log1p(words) / 4)
  set('short', words < 6 ? 1 : 0)
  set('long', words > 40 ? 1 : 0)
  set('numbers', Math.min(numbers, 4) / 4)
  set('has_number', numbers > 0 || PERSIAN_DIGITS.test(sentence) ? 1 : 0)
  set('names', Math.min(names, 6) / 6)
  set('has_name', names > 0 ? 1 : 0)
  set('question', /[?？؟]\s*["”»']?$/u.test(sentence) ? 1 : 0)
  set('quote', /["“”«»「」]/u.test(sentence) ? 1 : 0)
  set('chinese', /\p{Script=Han}/u.test(sentence) ? 1 : 0)
  set('persian', /\p{Script=Arabic}/u.test(sentence) ? 1 : 0)
  const vocabulary = wordsAndPairs(sentence)
  const hasHan = /\p{Script=Han}/u.test(sentence)
  for (const [name, c] of Object.entries(CUES)) set(name as CueFeature, hasCue(c, sentence, vocabulary, hasHan) ? 1 : 0)

  const base = CUE_FEATURES.length
  const tokens = latinWords(sentence)
  const scale = 1 / Math.sqrt(Math.max(1, tokens.length))
  const add = (gram: string) => {
    const index = base + (hash(gram) % HASH_BUCKETS)
    out.set(index, (out.get(index) ?? 0) + scale)
  }
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i]!)
    if (i + 1 < tokens.length) add(`${tokens[i]} ${tokens[i + 1]}`)
  }
  return out
}

/** How many weights a model over these features has. */
export const FEATURE_COUNT = CUE_FEATURES.length + HASH_BUCKETS
