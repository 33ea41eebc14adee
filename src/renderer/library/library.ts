/**
 * The library's actions: load it, open a document, delete one. The library
 * list follows the open document's claims locally (counts and verdict bar),
 * so nothing refetches it after a mark or a verdict.
 */
import type { Claim, DocumentSummary } from '../../shared/model'
import type { Status } from '../../shared/status'
import { noFilter } from '../claims/filter'
import type { Desk } from '../desk/Desk'
import { shareDocumentText } from '../desk/sharedText'

const LAST_OPEN = 'factmark-open-document'

export async function refreshLibrary(desk: Desk): Promise<void> {
  try {
    desk.documents.set(await desk.api.listDocuments({}))
  } catch (error) {
    desk.report(error)
  }
}

export async function refreshVocabulary(desk: Desk): Promise<void> {
  try {
    const [tags, claimants] = await Promise.all([desk.api.listTags({}), desk.api.listClaimants({})])
    desk.tags.set(tags.map((t) => t.tag))
    desk.claimants.set(claimants)
  } catch (error) {
    desk.report(error)
  }
}

/** The library, the tags and claimants, and the document that was open last time. */
export async function startDesk(desk: Desk): Promise<void> {
  void refreshVocabulary(desk)
  await refreshLibrary(desk)
  const last = localStorage.getItem(LAST_OPEN)
  if (last && desk.documents.get().some((doc) => doc.id === last)) await openDocument(desk, last)
}

export async function openDocument(desk: Desk, documentId: string): Promise<boolean> {
  try {
    const [doc, claims] = await Promise.all([desk.api.getDocument({ documentId }), desk.api.listClaims({ documentId })])
    showDocument(desk, doc, claims)
    localStorage.setItem(LAST_OPEN, documentId)
    return true
  } catch (error) {
    desk.report(error)
    return false
  }
}

/** Puts a document and its claims on the desk (opening, or a new version). */
export function showDocument(desk: Desk, doc: Parameters<Desk['document']['set']>[0], claims: readonly Claim[]): void {
  desk.selectedId.set(null)
  desk.selection.set(null)
  desk.filter.set(noFilter)
  desk.notice.set(null)
  desk.history.clear()
  desk.claims.reset(doc, claims)
  desk.document.set(doc && shareDocumentText(doc))
}

export async function deleteDocument(desk: Desk, doc: DocumentSummary): Promise<void> {
  desk.dialog.set(null)
  try {
    await desk.api.deleteDocument({ documentId: doc.id })
    if (desk.document.get()?.id === doc.id) {
      showDocument(desk, null, [])
      localStorage.removeItem(LAST_OPEN)
    }
    desk.documents.update((list) => list.filter((d) => d.id !== doc.id))
    desk.say(`Deleted “${doc.title}”.`)
  } catch (error) {
    desk.report(error)
  }
}

/** Keeps the open document's library entry in step with its claims. */
export function followClaims(desk: Desk): () => void {
  return desk.claims.subscribe(() => {
    const documentId = desk.claims.documentId
    if (!documentId) return
    const claims = desk.claims.get()
    const statusCounts: Partial<Record<Status, number>> = {}
    for (const claim of claims) statusCounts[claim.status] = (statusCounts[claim.status] ?? 0) + 1
    desk.documents.update((list) =>
      list.map((doc) => (doc.id === documentId ? { ...doc, claimCount: claims.length, statusCounts } : doc))
    )
  })
}

export type LibrarySort = 'recent' | 'title' | 'open'

/** Claims still to check: no verdict yet. */
export const openClaims = (doc: DocumentSummary) => (doc.statusCounts.unverified ?? 0) + (doc.statusCounts.in_progress ?? 0)

/** The library as the analyst asked to see it: filtered by title or publisher, sorted. */
export function arrangeLibrary(documents: readonly DocumentSummary[], sort: LibrarySort, query: string): DocumentSummary[] {
  const words = query.trim().toLocaleLowerCase()
  const shown = words
    ? documents.filter((doc) => `${doc.title} ${doc.publisher ?? ''}`.toLocaleLowerCase().includes(words))
    : [...documents]
  if (sort === 'title') shown.sort((a, b) => a.title.localeCompare(b.title))
  else if (sort === 'open') shown.sort((a, b) => openClaims(b) - openClaims(a) || b.importedAt.localeCompare(a.importedAt))
  else shown.sort((a, b) => b.importedAt.localeCompare(a.importedAt))
  return shown
}
