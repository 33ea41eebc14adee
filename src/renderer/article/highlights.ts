/**
 * Claim highlights: inline decorations held in a plugin's state. The set is
 * built once when a document's claims arrive, then changed claim by claim
 * (add, update, remove) and mapped through transactions; it is never rebuilt
 * on an ordinary transaction.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Claim } from '../../shared/model'
import { statusStyles } from '../../shared/status'
import type { OffsetIndex } from './offsets'

export type HighlightAction =
  | { type: 'reset'; claims: readonly Claim[]; index: OffsetIndex }
  | { type: 'upsert'; claim: Claim; index: OffsetIndex }
  | { type: 'remove'; claimId: string }
  | { type: 'select'; claimId: string | null }

interface HighlightState {
  decorations: DecorationSet
  selectedId: string | null
}

export const highlightsKey = new PluginKey<HighlightState>('claimHighlights')

function decorate(claim: Claim, index: OffsetIndex, selected: boolean): Decoration[] {
  if (claim.orphaned) return []
  const from = index.toPos(claim.position.start, 'start')
  const to = index.toPos(claim.position.end, 'end')
  if (from >= to) return []
  const className = `claim-highlight claim--${claim.status}${selected ? ' claim-highlight--selected' : ''}`
  const { icon, label } = statusStyles[claim.status]
  return [
    // Each claim gets its own element (nodeName), so overlapping claims nest instead of merging into one span.
    Decoration.inline(from, to, { nodeName: 'span', class: className, 'data-claim-id': claim.id, title: `Claim: ${label}` }, { claim }),
    // The verdict's icon after the claim: the second cue besides colour. Drawn by CSS from an
    // empty element, so it adds no text to the article.
    Decoration.widget(to, () => verdictMark(claim, icon), { side: -1, key: `${claim.id}:${claim.status}`, claim, ignoreSelection: true })
  ]
}

function verdictMark(claim: Claim, icon: string): HTMLElement {
  const mark = document.createElement('span')
  mark.className = `claim-verdict-mark claim--${claim.status}`
  mark.dataset.statusIcon = icon
  mark.setAttribute('aria-hidden', 'true')
  return mark
}

function withoutClaim(set: DecorationSet, claimId: string): DecorationSet {
  return set.remove(set.find(undefined, undefined, (spec) => (spec.claim as Claim).id === claimId))
}

function reselect(state: HighlightState, doc: EditorState['doc'], claimId: string | null, index?: OffsetIndex): DecorationSet {
  let set = state.decorations
  for (const id of [state.selectedId, claimId]) {
    if (!id) continue
    const found = set.find(undefined, undefined, (spec) => (spec.claim as Claim).id === id)
    const claim = found[0]?.spec.claim as Claim | undefined
    if (!claim || !index) continue
    set = set.remove(found)
    set = set.add(doc, decorate(claim, index, id === claimId))
  }
  return set
}

/** The plugin remembers the index so selection changes can redraw one claim. */
export function highlightsPlugin(): Plugin<HighlightState> {
  let lastIndex: OffsetIndex | undefined
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, selectedId: null }),
      apply(tr: Transaction, state, _old, newState) {
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined
        const mapped = tr.docChanged ? state.decorations.map(tr.mapping, tr.doc) : state.decorations
        if (!action) return mapped === state.decorations ? state : { ...state, decorations: mapped }
        switch (action.type) {
          case 'reset': {
            lastIndex = action.index
            const decorations = action.claims.flatMap((claim) => decorate(claim, action.index, claim.id === state.selectedId))
            return { ...state, decorations: DecorationSet.create(newState.doc, decorations) }
          }
          case 'upsert': {
            lastIndex = action.index
            const decorations = decorate(action.claim, action.index, action.claim.id === state.selectedId)
            return { ...state, decorations: withoutClaim(mapped, action.claim.id).add(newState.doc, decorations) }
          }
          case 'remove':
            return { ...state, decorations: withoutClaim(mapped, action.claimId) }
          case 'select':
            return {
              decorations: reselect({ ...state, decorations: mapped }, newState.doc, action.claimId, lastIndex),
              selectedId: action.claimId
            }
        }
      }
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.decorations
    }
  })
}

/** The ids of the claims whose highlights cover a position, innermost last. */
export function claimsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.decorations
  if (!set) return []
  return set
    .find(pos, pos)
    .filter((deco) => deco.from <= pos && pos < deco.to)
    .sort((a, b) => b.to - b.from - (a.to - a.from))
    .map((deco) => (deco.spec.claim as Claim).id)
}
