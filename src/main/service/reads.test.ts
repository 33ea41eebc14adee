/**
 * Reads never wait for the write lock. Another process (as the `factmark`
 * command importing a long file would) holds SQLite's write lock on the
 * library; every operation the API table marks `reads` still answers, while a
 * write, as the control, cannot get the lock. Before reads ran deferred, each
 * of them took the write lock too (IMMEDIATE) and failed the same way.
 */
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { operationNames, isReadOperation, type OperationInput, type ReadOperation } from '../../shared/api'
import { DATABASE_FILE } from '../store/datadir'
import { dispatchAsync } from '../operations/dispatch'
import { openLibrary } from '../library/library'
import { apiOn, pasted } from '../testing/calls'
import { startProcess } from '../testing/process'
import { tempDir } from '../testing/temp'

/** A second process that takes the write lock (BEGIN IMMEDIATE) and keeps it until told to let go. */
function writeLockHolder(file: string): Promise<ChildProcess> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1])
    db.prepare('BEGIN IMMEDIATE').run()
    db.prepare("INSERT INTO settings (key, value) VALUES ('holder', '1')").run()
    process.stdout.write('holding\\n')
    process.stdin.once('data', () => { db.prepare('ROLLBACK').run(); db.close(); process.exit(0) })`
  return startProcess(['-e', script, file], 'holding\n')
}

describe('read-only operations', () => {
  it('answer while another process holds the write lock; a write, as the control, cannot get it', async () => {
    const dataDir = tempDir()
    const library = openLibrary(dataDir)
    try {
      const { ok } = apiOn(library)
      const document = ok('importDocument', pasted('Counted\n\nThe council counted 114 fighters in 2014. Nobody else did.'))
      const claim = ok('createClaim', { documentId: document.id, start: 9, end: 49 })
      ok('addNote', { claimId: claim.id, body: 'Checked against the council minutes.' })
      ok('updateClaim', { claimId: claim.id, status: 'verified', tags: ['counts'], claimant: 'The council' })

      // Every read, by name: the compiler asks for an input here when an operation is marked `reads`.
      const inputs: { [K in ReadOperation]: OperationInput<K> } = {
        listDocuments: {},
        getDocument: { documentId: document.id },
        findSameText: { documentId: document.id },
        listClaims: { documentId: document.id },
        exportReport: { documentId: document.id, format: 'csv' },
        checkReadiness: { documentId: document.id },
        getClaimDetail: { claimId: claim.id },
        listHistory: { claimId: claim.id },
        listTags: {},
        listClaimants: {},
        getSettings: {},
        getRatingScale: {},
        search: { query: 'council' },
        listSuggestions: { documentId: document.id },
        matchPriorFactChecks: { query: 'fighters counted' },
        claimMatches: { claimId: claim.id },
        listPriorFactChecks: {},
        listBackups: {},
        getTeamStatus: {}
      }
      expect(Object.keys(inputs).sort()).toEqual(operationNames.filter(isReadOperation).sort())

      // Waiting for a lock would otherwise take the busy timeout (5 s) per call; a tenth of a second tells as well.
      library.db.pragma('busy_timeout = 100')
      const holder = await writeLockHolder(join(dataDir, DATABASE_FILE))
      try {
        for (const [name, input] of Object.entries(inputs)) {
          const outcome = await dispatchAsync(library.service, name, input)
          expect(outcome.ok ? 'answered' : outcome.error.message, name).toBe('answered')
        }
        const write = await dispatchAsync(library.service, 'addNote', { claimId: claim.id, body: 'Written while the lock is held.' })
        expect(write.ok, 'a write while another process holds the write lock').toBe(false)
      } finally {
        holder.stdin!.write('done\n')
        await new Promise((resolve) => holder.once('exit', resolve))
      }
      expect(ok('addNote', { claimId: claim.id, body: 'Written once the lock is free.' }).body).toBe('Written once the lock is free.')
    } finally {
      library.close()
    }
  })
})
