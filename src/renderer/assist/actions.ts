/**
 * What the analyst does with a suggestion: accept it (it becomes a claim,
 * undoable like any marking; the history records its score) or dismiss it
 * for this document. The commands in commands/assist.ts and the list's
 * buttons both come here.
 */
import type { Suggestion } from '../../shared/model'
import { recordMarking } from '../claims/actions'
import type { Desk } from '../desk/Desk'

const span = (desk: Desk, suggestion: Suggestion) => ({ documentId: desk.document.get()!.id, start: suggestion.start, end: suggestion.end })

export function acceptSuggestion(desk: Desk, suggestion: Suggestion): Promise<void> {
  return desk.serial(async () => {
    if (!desk.document.get()) return
    try {
      const claim = await desk.api.acceptSuggestion(span(desk, suggestion))
      desk.claims.put(claim)
      recordMarking(desk, claim)
      desk.say(`Suggestion accepted as claim ${claim.number}.`)
    } catch (error) {
      desk.report(error)
    }
  })
}

export function dismissSuggestion(desk: Desk, suggestion: Suggestion): Promise<void> {
  return desk.serial(async () => {
    if (!desk.document.get()) return
    try {
      await desk.api.dismissSuggestion(span(desk, suggestion))
      desk.suggestionsVersion.update((v) => v + 1)
      desk.say('Suggestion dismissed: it is not suggested again in this document.')
    } catch (error) {
      desk.report(error)
    }
  })
}
