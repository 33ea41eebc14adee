import { describe, expect, it } from 'vitest'
import { CUE_FEATURES, features, latinWords } from './features'
import { loadModel, rankSentences, shippedModel, worthiness } from './worthiness'

const cue = (name: (typeof CUE_FEATURES)[number]) => CUE_FEATURES.indexOf(name)

describe('check-worthiness features', () => {
  it('finds numbers, percentages, money, comparisons and attributions in English', () => {
    const f = features('According to the ministry, unemployment rose to 7.5 percent in 2019, higher than $3 billion spent.')
    for (const name of ['has_number', 'percent', 'money', 'magnitude', 'year', 'comparison', 'change', 'attribution'] as const) {
      expect(f.get(cue(name)), name).toBeGreaterThan(0)
    }
    expect(f.get(cue('question'))).toBeUndefined()
  })
  it('finds the same cues in Persian and Chinese', () => {
    const persian = features('به گفته وزارت بهداشت، ۱۲ درصد بیشتر از سال گذشته کشته شدند.')
    const chinese = features('据国家统计局称，去年失业率比前年增加了百分之三。')
    for (const f of [persian, chinese]) {
      for (const name of ['has_number', 'percent', 'comparison', 'attribution', 'date'] as const) expect(f.get(cue(name)), name).toBeGreaterThan(0)
    }
    // A Persian word containing «ما» is not "we".
    expect(features('تماشاگران آمدند').get(cue('first_person'))).toBeUndefined()
  })
  it('hashes Latin words only, with numbers folded together', () => {
    expect(latinWords('Jobs fell by 4,000 in Ohio — 据称')).toEqual(['jobs', 'fell', 'by', '<num>', 'in', 'ohio'])
  })
})

describe('the shipped check-worthiness model', () => {
  it('loads, and refuses a model that does not fit the features', () => {
    expect(shippedModel().weights.length).toBeGreaterThan(CUE_FEATURES.length)
    expect(() => loadModel({ ...shippedModel(), weights: [1, 2] })).toThrow(/finite weights/)
    expect(() => loadModel({ ...shippedModel(), cues: ['bias'] })).toThrow(/cues differ/)
  })
  it('ranks a check-worthy sentence above small talk', () => {
    const claim = 'We have lost 70,000 factories since China entered the World Trade Organization, and our trade deficit is $800 billion a year.'
    for (const smallTalk of ['Thank you very much, everybody.', 'Good evening and welcome.', 'Well, I think that is a good question.']) {
      expect(worthiness(claim)).toBeGreaterThan(worthiness(smallTalk))
    }
  })
  it('ranks every sentence of a document, offsets into its text, within blocks', () => {
    const text = 'Thank you all for coming.\n\nUnemployment doubled to 10 percent in 2009. It is great to be here.'
    const ranked = rankSentences(text, 'en')
    expect(ranked).toHaveLength(3)
    expect(ranked[0]!.text).toBe('Unemployment doubled to 10 percent in 2009.')
    for (const s of ranked) expect(text.slice(s.start, s.end)).toBe(s.text)
  })
  it('gives Persian and Chinese figures a higher score than greetings', () => {
    expect(worthiness('به گفته وزارت بهداشت، ۱۲ درصد بیشتر از سال گذشته کشته شدند.')).toBeGreaterThan(worthiness('سلام، خوش آمدید.'))
    expect(worthiness('据国家统计局称，去年失业率比前年增加了百分之三。')).toBeGreaterThan(worthiness('谢谢大家，欢迎你们。'))
  })
})
