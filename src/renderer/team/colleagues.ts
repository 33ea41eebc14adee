/**
 * Colleagues' changes arriving while the desk is open: the library list, the
 * vocabulary and the open document's claims are read again in place, so the
 * selection and undo stay; a claim a colleague deleted leaves the list.
 */
import type { Desk } from '../desk/Desk'
import { refreshLibrary, refreshVocabulary } from '../library/library'

export async function showColleaguesChanges(desk: Desk): Promise<void> {
  void refreshLibrary(desk)
  void refreshVocabulary(desk)
  const documentId = desk.claims.documentId
  if (!documentId) return
  try {
    const claims = await desk.api.listClaims({ documentId })
    if (desk.claims.documentId !== documentId) return
    const present = new Set(claims.map((claim) => claim.id))
    for (const claim of desk.claims.get()) if (!present.has(claim.id)) desk.claims.remove(claim.id)
    for (const claim of claims) {
      if (JSON.stringify(desk.claims.claim(claim.id)) !== JSON.stringify(claim)) desk.claims.put(claim)
    }
    const selected = desk.selectedId.get()
    if (selected && !present.has(selected)) desk.selectClaim(null)
    desk.detailVersion.set(desk.detailVersion.get() + 1) // an open card reloads its notes, sources and history
  } catch (error) {
    desk.report(error)
  }
}
