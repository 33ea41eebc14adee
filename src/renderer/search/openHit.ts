/** Opening a search hit: its document, then the claim, or the words, it found. */
import type { SearchHit } from '../../shared/model'
import type { Desk } from '../desk/Desk'
import { openDocument } from '../library/library'

/** Resolves once the article view of the open document is drawn (it registers itself on the desk). */
function articleReady(desk: Desk): Promise<void> {
  return new Promise((resolve) => {
    let frames = 0
    const check = () => (desk.article || ++frames > 120 ? resolve() : requestAnimationFrame(check))
    check()
  })
}

export async function openHit(desk: Desk, hit: SearchHit, query: string): Promise<void> {
  if (desk.document.get()?.id !== hit.documentId && !(await openDocument(desk, hit.documentId))) return
  await articleReady(desk)
  if (hit.claimId) desk.selectClaim(hit.claimId, { reveal: true })
  else if (hit.offset !== null) desk.article?.selectSpan({ start: hit.offset, end: hit.offset + query.length })
}
