/** Stable claim numbers, tags without case, the claimant registry: through the API, on a real library. */
import { describe, expect, it } from 'vitest'
import { apiOn, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const ARTICLE = 'Numbers\n\nOne claim is here. Two claims are there. Three claims are everywhere.'

function setup() {
  const library = tempLibrary()
  const { ok } = apiOn(library)
  const document = ok('importDocument', pasted(ARTICLE))
  const mark = (words: string) => {
    const start = ARTICLE.indexOf(words)
    return ok('createClaim', { documentId: document.id, start, end: start + words.length })
  }
  return { ok, mark, document }
}

describe('claim numbers', () => {
  it('are given at creation, kept after an earlier claim is deleted, never reused, and come back with a restore', () => {
    const { ok, mark, document } = setup()
    const second = mark('Two claims are there.')
    const first = mark('One claim is here.')
    expect([second.number, first.number]).toEqual([1, 2])
    ok('deleteClaim', { claimId: second.id })
    const third = mark('Three claims are everywhere.')
    expect(third.number).toBe(3)
    expect(ok('listClaims', { documentId: document.id }).map((c) => c.number)).toEqual([2, 3])
    expect(ok('restoreClaim', { claimId: second.id }).number).toBe(1)
    expect(mark('Two claims').number).toBe(4)
  })
})

describe('tags and claimants', () => {
  it('keeps one tag whatever its case, in the spelling used first', () => {
    const { ok, mark } = setup()
    const a = mark('One claim is here.')
    const b = mark('Two claims are there.')
    ok('updateClaim', { claimId: a.id, tags: ['Jobs'] })
    expect(ok('updateClaim', { claimId: b.id, tags: ['jobs', 'JOBS', 'economy'] }).tags).toEqual(['Jobs', 'economy'])
    expect(ok('listTags', {}).map((t) => t.tag)).toEqual(['Jobs', 'economy'])
  })

  it('registers claimants as they are used, with a role that can be set', () => {
    const { ok, mark } = setup()
    ok('updateClaim', { claimId: mark('One claim is here.').id, claimant: 'Dr. Lee' })
    expect(ok('listClaimants', {})).toEqual([{ name: 'Dr. Lee', role: null }])
    expect(ok('saveClaimant', { name: 'Dr. Lee', role: 'U.S. Institute' })).toEqual({ name: 'Dr. Lee', role: 'U.S. Institute' })
    expect(ok('listClaimants', {})).toEqual([{ name: 'Dr. Lee', role: 'U.S. Institute' }])
  })
})

describe('the same text imported again', () => {
  it('finds the documents that already hold it, and no others', () => {
    const { ok, document } = setup()
    const other = ok('importDocument', pasted('Another article\n\nWith other words.'))
    const again = ok('importDocument', pasted(ARTICLE))
    expect(ok('findSameText', { documentId: again.id }).map((d) => d.id)).toEqual([document.id])
    expect(ok('findSameText', { documentId: other.id })).toEqual([])
  })
})
