/**
 * A large JSON-LD import runs in a worker thread with its own connection:
 * calls made while it runs are answered before it ends (before, the import
 * held the thread until its last claim); a restore meanwhile is refused,
 * naming the import; a file with one value past its limit, at its very end,
 * is refused naming that value's path and writes nothing.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleDocument } from '../../shared/model'
import { dispatch, dispatchAsync } from '../operations/dispatch'
import { backUp } from '../store/backup'
import { apiOn, fileSource, pasted } from '../testing/calls'
import { colleaguesFile } from '../testing/colleague'
import { snapshot, tempLibrary } from '../testing/temp'
import { WORKER_FROM_BYTES } from './inWorker'

describe('a large JSON-LD import', () => {
  it('leaves the thread free: calls made while it runs are answered before it ends, and a restore is refused naming it', async () => {
    const library = tempLibrary()
    const { ok } = apiOn(library)
    ok('importDocument', pasted('Already here\n\nA document in the library.'))
    const backup = await backUp(library.db, library.dataDir)
    const file = colleaguesFile(2000)
    expect(file.length).toBeGreaterThan(WORKER_FROM_BYTES)

    let finished = false
    const importing = dispatchAsync(library.service, 'importDocument', fileSource('colleague.jsonld', file)).finally(() => (finished = true))
    const answered: boolean[] = []
    while (!finished) {
      const listed = dispatch(library.service, 'listDocuments', {})
      answered.push(listed.ok && !finished)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(answered.filter(Boolean).length).toBeGreaterThan(0)
    const outcome = await importing
    expect(outcome.ok).toBe(true)
    const document = (outcome as { value: ArticleDocument }).value
    expect(ok('listClaims', { documentId: document.id })).toHaveLength(2000)
    expect(ok('listDocuments', {})).toHaveLength(2)

    // Another import in flight: a restore now would swap the file under its connection.
    const second = dispatchAsync(library.service, 'importDocument', fileSource('again.jsonld', file))
    const restore = dispatch(library.service, 'restoreBackup', { name: backup!.name })
    expect(restore.ok ? 'restored' : restore.error.message).toMatch(/while the library is open in the import of "again.jsonld"/)
    expect((await second).ok).toBe(true)
  })

  it('with one value past its limit at its very end is refused naming it, and writes nothing', async () => {
    const library = tempLibrary()
    apiOn(library).ok('importDocument', pasted('Already here\n\nA document in the library.'))
    const before = snapshot(library.db)
    const outcome = await dispatchAsync(library.service, 'importDocument', fileSource('bad.jsonld', colleaguesFile(2000, { bad: true })))
    expect(outcome.ok ? 'imported' : outcome.error.message).toMatch(/^"bad\.jsonld" .*: first\.items\[1999\]\.body\[1\]\.value: The note is longer than 20,000 characters\.$/)
    expect(snapshot(library.db)).toBe(before)
  })
})
