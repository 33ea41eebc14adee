/**
 * The suggestions list on the desk: accepting one puts the new claim in the
 * claim store (undoable like any marking) without opening its card, so the
 * analyst can go on through the list; the suggestions on show become the
 * article's faint marks while the list is open.
 */
import { useCallback, useEffect } from 'react'
import type { Claim, Suggestion } from '../../shared/model'
import { recordMarking } from '../claims/actions'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { SuggestionsPanel } from './SuggestionsPanel'

export function Suggestions({ documentId }: { documentId: string }) {
  const desk = useDesk()
  const claims = useValue(desk.claims)
  // The marks belong to this document's list: gone with it.
  useEffect(() => () => desk.suggestions.set([]), [desk, documentId])
  const onShown = useCallback((shown: readonly Suggestion[]) => desk.suggestions.set(shown), [desk])
  const onAccepted = useCallback(
    (claim: Claim) => {
      desk.claims.put(claim)
      recordMarking(desk, claim)
      desk.say(`Suggestion accepted as claim ${claim.number}.`)
    },
    [desk]
  )
  return <SuggestionsPanel api={desk.api} documentId={documentId} claimsKey={claims} onShown={onShown} onAccepted={onAccepted} />
}
