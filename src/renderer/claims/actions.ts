/**
 * What the analyst does to claims: mark, delete, re-attach, and every edit on
 * the card (verdict, claimant, tags, notes, sources). Each is one API call
 * whose answer goes into the claim store (nothing is refetched), and each
 * records how to undo and redo itself.
 */
import { fieldLimits } from '../../shared/fields'
import type { Claim, Note, Source, Stance } from '../../shared/model'
import { trimSpan } from '../../shared/selector'
import type { Status } from '../../shared/status'
import type { Desk } from '../desk/Desk'

const name = (claim: { number: number }) => `claim ${claim.number}`

/** Marks the article's selection as a claim; the claim it makes (or finds) becomes the selected claim. */
export function markClaim(desk: Desk): Promise<void> {
  return desk.serial(async () => {
    const doc = desk.document.get()
    if (!doc) return
    const selection = desk.selection.get()
    if (!selection) {
      desk.say('Select the words of the claim in the article first (double-click selects a sentence).')
      return
    }
    const span = trimSpan(doc.text, selection)
    if (!span) {
      desk.say('The selection is only white space: select the words of the claim.')
      return
    }
    if (span.end - span.start > fieldLimits.claimLength) {
      desk.say(
        `The selection is ${(span.end - span.start).toLocaleString()} characters long; a claim is at most ${fieldLimits.claimLength.toLocaleString()}. Select the sentence or passage that makes the claim.`
      )
      return
    }
    const existing = desk.claims.atSpan(span)
    if (existing) {
      desk.selectClaim(existing.id)
      desk.article?.placeCaretAfter(existing.id)
      desk.say(`These words are already claim ${existing.number}: selected it.`)
      return
    }
    try {
      const claim = await desk.api.createClaim({ documentId: doc.id, ...span })
      desk.claims.put(claim)
      desk.notice.set(null)
      recordMarking(desk, claim)
      // The highlight is drawn first; then the claim becomes the selection (the card opens,
      // the caret waits at the end of its words), so the analyst sees the mark at once.
      await desk.nextPaint()
      desk.selectClaim(claim.id)
      desk.article?.placeCaretAfter(claim.id)
    } catch (error) {
      desk.report(error)
    }
  })
}

/** Makes marking a new claim undoable: undo deletes it, redo restores it (same id). */
export function recordMarking(desk: Desk, claim: Claim): void {
  desk.history.record({
    label: `marking ${name(claim)}`,
    undo: async () => {
      await desk.api.deleteClaim({ claimId: claim.id })
      desk.claims.remove(claim.id)
      if (desk.selectedId.get() === claim.id) desk.selectClaim(null)
    },
    redo: async () => {
      desk.claims.put(await desk.api.restoreClaim({ claimId: claim.id }))
      desk.selectClaim(claim.id)
    }
  })
}

/** Deletes a claim; focus moves to the claim after it in the list (or the article when none is left). */
export async function deleteClaim(desk: Desk, claim: Claim): Promise<void> {
  try {
    const list = desk.claims.get()
    const at = list.indexOf(claim)
    const next = list[at + 1] ?? list[at - 1] ?? null
    await desk.api.deleteClaim({ claimId: claim.id })
    desk.claims.remove(claim.id)
    desk.selectClaim(next?.id ?? null, { focus: next ? 'claims' : 'article' })
    desk.say(`Claim ${claim.number} deleted.`, { undo: true })
    desk.history.record({
      label: `deleting ${name(claim)}`,
      undo: async () => {
        desk.claims.put(await desk.api.restoreClaim({ claimId: claim.id }))
        desk.selectClaim(claim.id, { reveal: true })
      },
      redo: async () => {
        await desk.api.deleteClaim({ claimId: claim.id })
        desk.claims.remove(claim.id)
        if (desk.selectedId.get() === claim.id) desk.selectClaim(null)
      }
    })
  } catch (error) {
    desk.report(error)
  }
}

/** An edit of a claim's own fields, with its undo: the fields as they were. */
async function editClaim(desk: Desk, claim: Claim, label: string, to: ClaimFields, from: ClaimFields): Promise<boolean> {
  const apply = async (fields: ClaimFields) => {
    const updated = await desk.api.updateClaim({ claimId: claim.id, ...fields })
    desk.claims.put(updated)
    return updated
  }
  try {
    await apply(to)
    desk.history.record({ label: `${label} of ${name(claim)}`, undo: async () => void (await apply(from)), redo: async () => void (await apply(to)) })
    return true
  } catch (error) {
    desk.report(error)
    return false
  }
}

type ClaimFields = { status?: Status; claimant?: string | null; tags?: string[]; rationale?: string }

export async function setVerdict(desk: Desk, claim: Claim, status: Status): Promise<void> {
  if (claim.status === status) return
  // Shown at once; put back if the change is refused.
  desk.claims.put({ ...claim, status })
  const done = await editClaim(desk, claim, 'the verdict', { status }, { status: claim.status })
  if (!done) desk.claims.put(claim)
}

export async function setClaimant(desk: Desk, claim: Claim, claimant: string | null): Promise<boolean> {
  if ((claimant ?? null) === claim.claimant) return true
  const done = await editClaim(desk, claim, 'the claimant', { claimant }, { claimant: claim.claimant })
  if (done && claimant && !desk.claimants.get().some((c) => c.name.toLocaleLowerCase() === claimant.toLocaleLowerCase())) {
    desk.claimants.update((list) => [...list, { name: claimant, role: null }].sort((a, b) => a.name.localeCompare(b.name)))
  }
  return done
}

/** Sets a claimant's role or affiliation in the registry (every claim by them shows it); undoable. */
export async function setClaimantRole(desk: Desk, name: string, role: string | null): Promise<void> {
  const before = desk.claimants.get().find((c) => c.name === name)?.role ?? null
  if ((role || null) === before) return
  const save = async (next: string | null) => {
    const saved = await desk.api.saveClaimant({ name, role: next })
    desk.claimants.update((list) => list.map((c) => (c.name === saved.name ? saved : c)))
  }
  try {
    await save(role || null)
    desk.history.record({ label: `the role of ${name}`, undo: () => save(before), redo: () => save(role || null) })
  } catch (error) {
    desk.report(error)
  }
}

export async function setTags(desk: Desk, claim: Claim, tags: string[]): Promise<void> {
  const done = await editClaim(desk, claim, 'the tags', { tags }, { tags: claim.tags })
  if (!done) return
  const known = desk.tags.get()
  const fresh = (desk.claims.claim(claim.id)?.tags ?? []).filter((tag) => !known.includes(tag))
  if (fresh.length) desk.tags.set([...known, ...fresh])
}

/** Notes and sources change the card's detail and the claim's counts. */
function countsChanged(desk: Desk, claimId: string, change: { notes?: number; sources?: number }): void {
  const claim = desk.claims.claim(claimId)
  if (claim) {
    desk.claims.put({
      ...claim,
      noteCount: claim.noteCount + (change.notes ?? 0),
      sourceCount: claim.sourceCount + (change.sources ?? 0)
    })
  }
  desk.detailVersion.update((n) => n + 1)
}

/** Runs an edit and records its undo; false (and the error shown) when it was refused. */
async function undoable(desk: Desk, label: string, run: () => Promise<void>, undo: () => Promise<void>): Promise<boolean> {
  try {
    await run()
    desk.history.record({ label, undo, redo: run })
    return true
  } catch (error) {
    desk.report(error)
    return false
  }
}

export function addNote(desk: Desk, claim: Claim, body: string): Promise<boolean> {
  let note: Note | null = null
  return undoable(
    desk,
    `the note on ${name(claim)}`,
    async () => {
      note = await desk.api.addNote({ claimId: claim.id, body })
      countsChanged(desk, claim.id, { notes: 1 })
    },
    async () => {
      if (note) await desk.api.deleteNote({ noteId: note.id })
      countsChanged(desk, claim.id, { notes: -1 })
    }
  )
}

/** The public explanation of the verdict; undoable like every edit. */
export function setRationale(desk: Desk, claim: Claim, rationale: string): Promise<boolean> {
  if (rationale.trim() === claim.rationale) return Promise.resolve(true)
  return editClaim(desk, claim, 'the rationale', { rationale }, { rationale: claim.rationale })
}

/** Makes a note public (printed in public reports) or internal again. */
export function setNotePublic(desk: Desk, claim: Claim, note: Note, value: boolean): Promise<boolean> {
  const write = (to: boolean) => async () => {
    await desk.api.setNotePublic({ noteId: note.id, public: to })
    countsChanged(desk, claim.id, {})
  }
  return undoable(desk, `making a note on ${name(claim)} ${value ? 'public' : 'internal'}`, write(value), write(!value))
}

export function editNote(desk: Desk, claim: Claim, note: Note, body: string): Promise<boolean> {
  const write = (text: string) => async () => {
    await desk.api.editNote({ noteId: note.id, body: text })
    countsChanged(desk, claim.id, {})
  }
  return undoable(desk, `the edit of a note on ${name(claim)}`, write(body), write(note.body))
}

/** Undoing a deletion writes the note again (a new row: the history is only appended to). */
export function deleteNote(desk: Desk, claim: Claim, note: Note): Promise<boolean> {
  let current = note.id
  return undoable(
    desk,
    `deleting a note on ${name(claim)}`,
    async () => {
      await desk.api.deleteNote({ noteId: current })
      countsChanged(desk, claim.id, { notes: -1 })
    },
    async () => {
      current = (await desk.api.addNote({ claimId: claim.id, body: note.body })).id
      countsChanged(desk, claim.id, { notes: 1 })
    }
  )
}

export interface SourceFields {
  url: string
  title: string | null
  excerpt: string | null
  stance: Stance
  accessedAt: string | null
}

export function addSource(desk: Desk, claim: Claim, fields: SourceFields): Promise<boolean> {
  let source: Source | null = null
  return undoable(
    desk,
    `the source on ${name(claim)}`,
    async () => {
      source = await desk.api.addSource({ claimId: claim.id, ...fields })
      countsChanged(desk, claim.id, { sources: 1 })
    },
    async () => {
      if (source) await desk.api.removeSource({ sourceId: source.id })
      countsChanged(desk, claim.id, { sources: -1 })
    }
  )
}

export function removeSource(desk: Desk, claim: Claim, source: Source): Promise<boolean> {
  let current = source.id
  const fields: SourceFields = { url: source.url, title: source.title, excerpt: source.excerpt, stance: source.stance, accessedAt: source.accessedAt }
  return undoable(
    desk,
    `removing a source from ${name(claim)}`,
    async () => {
      await desk.api.removeSource({ sourceId: current })
      countsChanged(desk, claim.id, { sources: -1 })
    },
    async () => {
      current = (await desk.api.addSource({ claimId: claim.id, ...fields })).id
      countsChanged(desk, claim.id, { sources: 1 })
    }
  )
}

/** Attaches a claim (an orphan) to the article's selection. */
export async function reattach(desk: Desk, claimId: string): Promise<void> {
  const span = desk.selection.get()
  if (!span) {
    desk.say('Select the words the claim now refers to, then re-attach it.')
    return
  }
  try {
    desk.claims.put(await desk.api.reattachClaim({ claimId, ...span }))
    desk.selectClaim(claimId)
    desk.notice.set(null)
  } catch (error) {
    desk.report(error)
  }
}

/** The next or previous claim the pane shows; focus goes with it to the list. */
export function stepClaim(desk: Desk, visible: readonly Claim[], step: 1 | -1): void {
  if (visible.length === 0) return
  const at = visible.findIndex((claim) => claim.id === desk.selectedId.get())
  const next = at < 0 ? (step > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + step))
  desk.selectClaim(visible[next]!.id, { reveal: true, focus: 'claims' })
}

export async function undo(desk: Desk): Promise<void> {
  const label = await desk.history.undo(desk.report)
  if (label) desk.say(`Undone: ${label}.`)
  else if (!desk.history.canUndo) desk.say('Nothing to undo.')
}

export async function redo(desk: Desk): Promise<void> {
  const label = await desk.history.redo(desk.report)
  if (label) desk.say(`Redone: ${label}.`)
  else if (!desk.history.canRedo) desk.say('Nothing to redo.')
}

/** An editor's sign-off on the claim's verdict (team library); the server refuses anyone else. */
export async function approveVerdict(desk: Desk, claim: Claim): Promise<void> {
  try {
    desk.claims.put(await desk.api.approveClaim({ claimId: claim.id }))
  } catch (error) {
    desk.report(error)
  }
}
