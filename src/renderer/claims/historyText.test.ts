import { describe, expect, it } from 'vitest'
import type { HistoryAction, HistoryEntry } from '../../shared/model'
import { describeHistory } from './historyText'

const entry = (action: HistoryAction, detail: Record<string, unknown> = {}): HistoryEntry => ({
  seq: 1,
  claimId: 'c',
  documentId: 'd',
  at: '2026-11-27T14:00:00.000Z',
  author: 'Rana',
  action,
  detail
})

describe('describeHistory', () => {
  it('says each kind of change in words, with the verdict labels and the old text', () => {
    expect(describeHistory(entry('created'))).toBe('Marked as a claim')
    expect(describeHistory(entry('status_changed', { from: 'unverified', to: 'in_progress' }))).toBe('Status: Unverified → In progress')
    expect(describeHistory(entry('claimant_changed', { from: null, to: 'New America' }))).toBe('Claimant set to “New America”')
    expect(describeHistory(entry('claimant_changed', { from: 'x', to: null }))).toBe('Claimant cleared')
    expect(describeHistory(entry('tags_changed', { to: ['IS', 'Syria'] }))).toBe('Tags: IS, Syria')
    expect(describeHistory(entry('tags_changed', { to: [] }))).toBe('Tags: none')
    expect(describeHistory(entry('note_added', { body: 'short' }))).toBe('Note added: “short”')
    expect(describeHistory(entry('note_edited', { from: 'x'.repeat(100) }))).toBe(`Note edited (was “${'x'.repeat(79)}…”)`)
    expect(describeHistory(entry('note_deleted', { body: 'gone' }))).toBe('Note deleted: “gone”')
    expect(describeHistory(entry('source_added', { stance: 'refutes', title: null, url: 'https://e.org' }))).toBe('Source added (refutes): https://e.org')
    expect(describeHistory(entry('source_removed', { title: 'ISIS Files', url: 'https://e.org' }))).toBe('Source removed: ISIS Files')
    expect(describeHistory(entry('deleted', {}))).toBe('Claim deleted')
    expect(describeHistory(entry('deleted', { reason: 'document deleted' }))).toBe('Deleted with its document')
    expect(describeHistory(entry('restored'))).toBe('Claim restored')
    expect(describeHistory(entry('reanchored'))).toBe('Moved with the text')
    expect(describeHistory(entry('orphaned'))).toBe('Not found in the new text')
  })
})
