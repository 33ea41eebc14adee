/**
 * The fact-check workflow through the contract, on a real SQLite file:
 * verdicts, claimant, tags, notes, sources, history, deleting and restoring,
 * settings. Every refusal names the problem and leaves the database as it was.
 */
import { describe, expect, it } from 'vitest'
import { unnamedAnalyst, type HistoryAction } from '../../shared/model'
import { apiOn, pasted } from '../testing/calls'
import { tempLibrary } from '../testing/temp'

const ARTICLE =
  'Uyghur fighters in Syria\n\nAccording to a 2016 New America report, 114 Uyghurs have joined IS. Dr. Lee disputes the count.\n\n报告称，有114名维吾尔人加入了伊斯兰国。'
const MISSING = '2b0f1c7e-4a3d-4c55-9a0e-0a7b6f1d2c3e'

function setup() {
  const library = tempLibrary()
  const { ok, refused } = apiOn(library)
  const document = ok('importDocument', pasted(ARTICLE, 'text'))
  const mark = (words: string, documentId = document.id) => {
    const text = documentId === document.id ? ARTICLE : ok('getDocument', { documentId }).text
    const start = text.indexOf(words)
    return ok('createClaim', { documentId, start, end: start + words.length })
  }
  const actions = (claimId: string): HistoryAction[] => ok('listHistory', { claimId }).map((entry) => entry.action)
  return { library, ok, refused, document, mark, actions }
}

describe('verdict, claimant and tags', () => {
  it('changes each field with one history row per change, and none when nothing changes', () => {
    const { ok, mark, actions } = setup()
    const claim = mark('114 Uyghurs have joined IS.')
    const updated = ok('updateClaim', { claimId: claim.id, status: 'disputed', claimant: '  a 2016 New America report ', tags: [' Syria', 'IS ', 'Syria'] })
    expect(updated.status).toBe('disputed')
    expect(updated.claimant).toBe('a 2016 New America report')
    expect(updated.tags).toEqual(['IS', 'Syria'])
    expect(actions(claim.id)).toEqual(['created', 'status_changed', 'claimant_changed', 'tags_changed'])

    const same = ok('updateClaim', { claimId: claim.id, status: 'disputed', tags: ['Syria', 'IS'] })
    expect(same.updatedAt).toBe(updated.updatedAt)
    expect(actions(claim.id)).toHaveLength(4)

    ok('updateClaim', { claimId: claim.id, claimant: '', tags: ['IS', 'Uyghurs'] })
    const history = ok('listHistory', { claimId: claim.id })
    expect(history[1]!.detail).toEqual({ from: 'unverified', to: 'disputed' })
    expect(history[4]!.detail).toEqual({ from: 'a 2016 New America report', to: null })
    expect(history[5]!.detail).toEqual({ from: ['IS', 'Syria'], to: ['IS', 'Uyghurs'], added: ['Uyghurs'], removed: ['Syria'] })
    expect(ok('getClaimDetail', { claimId: claim.id }).claim.claimant).toBeNull()
  })

  it('refuses unknown statuses, blank tags and unknown claims, writing nothing', () => {
    const { refused, mark } = setup()
    const claim = mark('114 Uyghurs')
    expect(refused('updateClaim', { claimId: claim.id, status: 'true' }).message).toBe(
      'updateClaim: status: Unknown status "true": use one of unverified, in_progress, verified, disputed, false, misleading, unverifiable'
    )
    expect(refused('updateClaim', { claimId: claim.id, tags: ['ok', '   '] }).message).toMatch(/tags\[1\]: A tag cannot be empty or only white space/)
    expect(refused('updateClaim', { claimId: claim.id, tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }).message).toMatch(/at most 30 tags/)
    expect(refused('updateClaim', { claimId: claim.id, claimant: 'x'.repeat(501) }).message).toMatch(/claimant is longer than 500/)
    expect(refused('updateClaim', { claimId: MISSING, status: 'verified' })).toEqual({ code: 'not_found', message: `There is no claim with id ${MISSING}.` })
  })

  it('lists the tags in use, most used first', () => {
    const { ok, mark } = setup()
    ok('updateClaim', { claimId: mark('114 Uyghurs').id, tags: ['Syria', 'numbers'] })
    ok('updateClaim', { claimId: mark('Dr. Lee').id, tags: ['Syria'] })
    expect(ok('listTags', {})).toEqual([
      { tag: 'Syria', count: 2 },
      { tag: 'numbers', count: 1 }
    ])
  })
})

describe('notes', () => {
  it('signs notes with the analyst name, keeps HTML as text, and keeps old text in the history', () => {
    const { ok, mark } = setup()
    const claim = mark('114 Uyghurs')
    // Until the analyst gives a name, the library says it plainly.
    const defaultName = unnamedAnalyst
    const first = ok('addNote', { claimId: claim.id, body: '  The report counts <b>fighters</b> <script>alert(1)</script>. ' })
    expect(first.author).toBe(defaultName)
    expect(first.body).toBe('The report counts <b>fighters</b> <script>alert(1)</script>.')

    expect(ok('setSettings', { analystName: '  Rana K. ' })).toMatchObject({ analystName: 'Rana K.' })
    const second = ok('addNote', { claimId: claim.id, body: 'See https://example.org/report.' })
    expect(second.author).toBe('Rana K.')
    const edited = ok('editNote', { noteId: first.id, body: 'The report counts fighters and families.' })
    expect(edited.author).toBe(defaultName)
    ok('deleteNote', { noteId: second.id })

    const detail = ok('getClaimDetail', { claimId: claim.id })
    expect(detail.notes.map((n) => n.body)).toEqual(['The report counts fighters and families.'])
    const history = detail.history
    expect(history.map((h) => [h.action, h.author])).toEqual([
      ['created', defaultName],
      ['note_added', defaultName],
      ['note_added', 'Rana K.'],
      ['note_edited', 'Rana K.'],
      ['note_deleted', 'Rana K.']
    ])
    expect(history[3]!.detail).toMatchObject({ from: first.body, to: edited.body })
    expect(history[4]!.detail).toMatchObject({ body: 'See https://example.org/report.', author: 'Rana K.' })

    expect(ok('setSettings', { analystName: null }).analystName).toBeNull()
  })

  it('refuses empty and oversized notes and unknown notes, writing nothing', () => {
    const { ok, refused, mark } = setup()
    const claim = mark('114 Uyghurs')
    expect(refused('addNote', { claimId: claim.id, body: ' \n\t ' }).message).toBe('addNote: body: The note is empty')
    expect(refused('addNote', { claimId: claim.id, body: 'x'.repeat(20_001) }).message).toBe(
      'addNote: body: The note is longer than 20,000 characters'
    )
    expect(refused('addNote', { claimId: MISSING, body: 'text' }).code).toBe('not_found')
    expect(refused('editNote', { noteId: MISSING, body: 'text' }).message).toBe(`There is no note with id ${MISSING}.`)
    expect(refused('deleteNote', { noteId: MISSING }).code).toBe('not_found')
    expect(refused('setSettings', { analystName: '   ' }).message).toMatch(/analyst name cannot be empty/)
    const note = ok('addNote', { claimId: claim.id, body: 'fine' })
    expect(refused('editNote', { noteId: note.id, body: '' }).message).toMatch(/The note is empty/)
  })
})

describe('sources', () => {
  it('adds and removes sources, keeping the removed one in the history', () => {
    const { ok, mark } = setup()
    const claim = mark('114 Uyghurs')
    const source = ok('addSource', {
      claimId: claim.id,
      url: ' https://www.newamerica.org/international-security/reports/isis-files/ ',
      title: 'ISIS Files',
      excerpt: 'The records list 114 fighters from Xinjiang.',
      stance: 'supports',
      accessedAt: '2026-11-20'
    })
    expect(source).toMatchObject({ url: 'https://www.newamerica.org/international-security/reports/isis-files/', stance: 'supports', accessedAt: '2026-11-20' })
    const bare = ok('addSource', { claimId: claim.id, url: 'http://[::1]:8080/x', stance: 'context' })
    expect(bare).toMatchObject({ title: null, excerpt: null, accessedAt: null })
    ok('removeSource', { sourceId: source.id })
    const detail = ok('getClaimDetail', { claimId: claim.id })
    expect(detail.sources.map((s) => s.id)).toEqual([bare.id])
    expect(detail.history.map((h) => h.action)).toEqual(['created', 'source_added', 'source_added', 'source_removed'])
    expect(detail.history[3]!.detail).toMatchObject({ sourceId: source.id, title: 'ISIS Files', excerpt: 'The records list 114 fighters from Xinjiang.' })
  })

  it('refuses javascript:, file: and malformed URLs, and bad stances and dates, with clear messages', () => {
    const { refused, mark } = setup()
    const claimId = mark('114 Uyghurs').id
    const add = (fields: Record<string, unknown>) => refused('addSource', { claimId, url: 'https://example.org', stance: 'supports', ...fields })
    expect(add({ url: 'javascript:alert(1)' }).message).toBe('addSource: url: “javascript:” addresses are not allowed as sources: use an http:// or https:// link.')
    expect(add({ url: 'JaVaScRiPt:alert(1)' }).message).toMatch(/“javascript:” addresses are not allowed/)
    expect(add({ url: 'file:///etc/passwd' }).message).toMatch(/“file:” addresses are not allowed/)
    expect(add({ url: 'data:text/html,<script>' }).message).toMatch(/“data:” addresses/)
    expect(add({ url: 'not a url' }).message).toBe('addSource: url: “not a url” is not a web address: it must start with http:// or https://.')
    expect(add({ url: 'https://' }).message).toMatch(/no host name/)
    expect(add({ url: 'https://exa mple.org' }).message).toMatch(/contains spaces/)
    expect(add({ url: '   ' }).message).toBe('addSource: url: The source needs a URL.')
    expect(add({ stance: 'agrees' }).message).toMatch(/stance must be one of supports, refutes, context/)
    expect(add({ accessedAt: 'yesterday' }).message).toMatch(/accessedAt: .*must be a date/)
    expect(refused('removeSource', { sourceId: MISSING }).code).toBe('not_found')
  })
})

describe('deleting', () => {
  it('deletes a claim and restores it with the same id, notes, sources and tags; the history only grows', () => {
    const { ok, refused, mark, actions, library } = setup()
    const claim = mark('114 Uyghurs have joined IS.')
    ok('updateClaim', { claimId: claim.id, status: 'false', tags: ['Syria'] })
    ok('addNote', { claimId: claim.id, body: 'Checked.' })
    ok('addSource', { claimId: claim.id, url: 'https://example.org', stance: 'refutes' })
    const before = ok('getClaimDetail', { claimId: claim.id })

    ok('deleteClaim', { claimId: claim.id })
    expect(ok('listClaims', { documentId: claim.documentId })).toEqual([])
    expect(library.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0)
    expect(actions(claim.id).at(-1)).toBe('deleted')
    expect(refused('deleteClaim', { claimId: claim.id }).code).toBe('not_found')

    const restored = ok('restoreClaim', { claimId: claim.id })
    expect(restored.id).toBe(claim.id)
    const after = ok('getClaimDetail', { claimId: claim.id })
    expect({ ...after.claim, updatedAt: '' }).toEqual({ ...before.claim, updatedAt: '' })
    expect(after.notes).toEqual(before.notes)
    expect(after.sources).toEqual(before.sources)
    expect(after.history.slice(0, before.history.length)).toEqual(before.history)
    expect(actions(claim.id).slice(-2)).toEqual(['deleted', 'restored'])
    expect(refused('restoreClaim', { claimId: claim.id }).message).toBe('This claim has not been deleted: there is nothing to restore.')
    expect(refused('restoreClaim', { claimId: MISSING }).code).toBe('not_found')
  })

  it('places a restored claim again when the text changed while it was deleted', () => {
    const { ok, mark, library, document } = setup()
    const claim = mark('Dr. Lee disputes the count.')
    ok('deleteClaim', { claimId: claim.id })
    library.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(`Update: ${ARTICLE}`, document.id)
    const moved = ok('restoreClaim', { claimId: claim.id })
    expect(moved.position.start).toBe(claim.position.start + 'Update: '.length)
    expect(moved.orphaned).toBe(false)
    ok('deleteClaim', { claimId: claim.id })
    library.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('A different article altogether.', document.id)
    const orphan = ok('restoreClaim', { claimId: claim.id })
    expect(orphan.orphaned).toBe(true)
    expect(ok('listHistory', { claimId: claim.id }).filter((h) => h.action === 'restored').map((h) => h.detail.anchoring)).toEqual(['moved', 'orphan'])
  })

  it('keeps the history append-only, even against direct SQL', () => {
    const { library, mark } = setup()
    mark('114 Uyghurs')
    expect(() => library.db.prepare("UPDATE claim_history SET author = 'someone else'").run()).toThrow(/append-only/)
    expect(() => library.db.prepare('DELETE FROM claim_history').run()).toThrow(/append-only/)
  })

  it('deletes a document with its claims, notes and sources, and nothing else', () => {
    const { ok, refused, mark, document, library, actions } = setup()
    const other = ok('importDocument', pasted('Another article.\n\nIt claims 3 things.', 'text'))
    const kept = mark('It claims 3 things.', other.id)
    ok('addNote', { claimId: kept.id, body: 'kept note' })
    ok('setSettings', { analystName: 'Rana' })
    const gone = mark('114 Uyghurs')
    ok('addNote', { claimId: gone.id, body: 'gone note' })
    ok('addSource', { claimId: gone.id, url: 'https://example.org', excerpt: 'gone excerpt', stance: 'context' })
    ok('updateClaim', { claimId: gone.id, tags: ['gone'] })

    const keptBefore = ok('getClaimDetail', { claimId: kept.id })
    ok('deleteDocument', { documentId: document.id })
    expect(ok('listDocuments', {}).map((d) => d.id)).toEqual([other.id])
    const count = (table: string) => library.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect([count('claims'), count('notes'), count('sources'), count('claim_tags')]).toEqual([1, 1, 0, 0])
    expect(ok('getClaimDetail', { claimId: kept.id })).toEqual(keptBefore)
    expect(ok('getSettings', {}).analystName).toBe('Rana')
    expect(actions(gone.id).at(-1)).toBe('deleted')
    expect(refused('restoreClaim', { claimId: gone.id }).message).toMatch(/deleted with its document/)
    expect(ok('search', { query: 'gone' })).toEqual([])
    expect(refused('deleteDocument', { documentId: document.id }).code).toBe('not_found')
  })
})

describe('contract', () => {
  it('refuses unknown ids, malformed ids and extra fields on every workflow operation, writing nothing', () => {
    const { refused, mark } = setup()
    mark('114 Uyghurs')
    for (const [name, field] of [
      ['getClaimDetail', 'claimId'],
      ['updateClaim', 'claimId'],
      ['deleteClaim', 'claimId'],
      ['restoreClaim', 'claimId'],
      ['listHistory', 'claimId'],
      ['deleteNote', 'noteId'],
      ['removeSource', 'sourceId'],
      ['deleteDocument', 'documentId']
    ] as const) {
      expect(refused(name, { [field]: MISSING }).code, name).toBe('not_found')
      expect(refused(name, { [field]: 'not-a-uuid' }).message, name).toBe(`${name}: ${field}: ${field} must be a UUID`)
      expect(refused(name, { [field]: MISSING, sneaky: true }).code, name).toBe('invalid_input')
    }
    expect(refused('listTags', { all: true }).code).toBe('invalid_input')
    expect(refused('search', { query: 'x'.repeat(201) }).message).toBe('search: query: The search is longer than 200 characters')
  })
})

describe('history', () => {
  it('writes a row for every kind of change, in order, with author and time', () => {
    const { ok, mark, library } = setup()
    const claim = mark('Dr. Lee disputes the count.')
    ok('updateClaim', { claimId: claim.id, status: 'in_progress' })
    ok('updateClaim', { claimId: claim.id, claimant: 'Dr. Lee' })
    ok('updateClaim', { claimId: claim.id, tags: ['experts'] })
    const note = ok('addNote', { claimId: claim.id, body: 'one' })
    ok('editNote', { noteId: note.id, body: 'two' })
    ok('deleteNote', { noteId: note.id })
    const source = ok('addSource', { claimId: claim.id, url: 'https://example.org', stance: 'context' })
    ok('removeSource', { sourceId: source.id })
    ok('deleteClaim', { claimId: claim.id })
    ok('restoreClaim', { claimId: claim.id })
    const history = ok('listHistory', { claimId: claim.id })
    expect(history.map((h) => h.action)).toEqual([
      'created',
      'status_changed',
      'claimant_changed',
      'tags_changed',
      'note_added',
      'note_edited',
      'note_deleted',
      'source_added',
      'source_removed',
      'deleted',
      'restored'
    ])
    const seqs = history.map((h) => h.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    for (const entry of history) {
      expect(entry.author.length).toBeGreaterThan(0)
      expect(Date.parse(entry.at)).not.toBeNaN()
      expect(entry.claimId).toBe(claim.id)
      expect(entry.documentId).toBe(claim.documentId)
    }
    expect(history[5]!.detail).toEqual({ noteId: note.id, from: 'one', to: 'two' })
    expect(library.db.prepare('SELECT count(*) FROM claim_history').pluck().get()).toBe(history.length)
  })
})
