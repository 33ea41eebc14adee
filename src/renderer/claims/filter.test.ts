import { describe, expect, it } from 'vitest'
import type { Claim } from '../../shared/model'
import { matchesFilter, noFilter } from './filter'

const claim = (fields: Partial<Claim>): Claim => ({
  id: 'c',
  documentId: 'd',
  quote: { exact: '114 Uyghurs have joined IS.', prefix: '', suffix: '' },
  position: { start: 0, end: 27 },
  status: 'unverified',
  claimant: null,
  tags: [],
  orphaned: false,
  rationale: '',
  createdBy: null,
  createdAt: '',
  updatedAt: '',
  number: 1,
  noteCount: 0,
  sourceCount: 0,
  ...fields
})

describe('matchesFilter', () => {
  it('filters by status, tag and text (quote, claimant, tags), all at once', () => {
    const disputed = claim({ status: 'disputed', claimant: 'New America', tags: ['Syria'] })
    expect(matchesFilter(disputed, noFilter)).toBe(true)
    expect(matchesFilter(disputed, { ...noFilter, status: 'disputed' })).toBe(true)
    expect(matchesFilter(disputed, { ...noFilter, status: 'verified' })).toBe(false)
    expect(matchesFilter(disputed, { ...noFilter, tag: 'Syria' })).toBe(true)
    expect(matchesFilter(disputed, { ...noFilter, tag: 'Iraq' })).toBe(false)
    expect(matchesFilter(disputed, { ...noFilter, text: 'JOINED' })).toBe(true)
    expect(matchesFilter(disputed, { ...noFilter, text: 'america' })).toBe(true)
    expect(matchesFilter(disputed, { ...noFilter, text: 'syr' })).toBe(true)
    expect(matchesFilter(disputed, { status: 'disputed', tag: 'Syria', text: 'nothing' })).toBe(false)
  })
})
