/**
 * Claim highlights: inline decorations held in a plugin's state. The set is
 * built once when a document's claims arrive, then changed claim by claim
 * (add, update, remove) and mapped through transactions; it is never rebuilt
 * on an ordinary transaction. A decoration keeps only its claim's id: the
 * claims themselves are held once, in the desk's claim store.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Claim } from '../../shared/model'
import { statusStyles } from '../../shared/status'
import type { OffsetIndex } from './offsets'

export type HighlightAction =
  | { type: 'reset'; claims: readonly Claim[] }
  | { type: 'upsert'; claim: Claim }
  | { type: 'remove'; claimId: string }
  | { type: 'select'; claimId: string | null }

interface HighlightState {
  decorations: DecorationSet
  selectedId: string | null
}

interface Spec {
  id: string
}

export const highlightsKey = new PluginKey<HighlightState>('claimHighlights')

/** What a highlight says to assistive technology and in its tooltip. */
export const highlightLabel = (claim: Claim) => `Claim ${claim.number}: ${statusStyles[claim.status].label}`

function decorate(claim: Claim, index: OffsetIndex, selected: boolean): Decoration[] {
  if (claim.orphaned) return []
  const from = index.toPos(claim.position.start, 'start')
  const to = index.toPos(claim.position.end, 'end')
  if (from >= to) return []
  const className = `claim-highlight claim--${claim.status}${selected ? ' claim-highlight--selected' : ''}`
  const label = highlightLabel(claim)
  const spec: Spec = { id: claim.id }
  return [
    // Each claim gets its own element (nodeName), so overlapping claims nest instead of merging into one span.
    Decoration.inline(from, to, { nodeName: 'span', class: className, 'data-claim-id': claim.id, 'data-number': String(claim.number), title: label, 'aria-description': label }, spec),
    // The verdict's icon after the claim: the second cue besides colour. Drawn by CSS from an
    // empty element, so it adds no text to the article.
    Decoration.widget(to, () => verdictMark(claim), { side: -1, key: `${claim.id}:${claim.status}:${claim.number}`, ...spec, ignoreSelection: true })
  ]
}

function verdictMark(claim: Claim): HTMLElement {
  const mark = document.createElement('span')
  mark.className = `claim-verdict-mark claim--${claim.status}`
  mark.dataset.statusIcon = statusStyles[claim.status].icon
  mark.dataset.number = String(claim.number)
  mark.setAttribute('aria-hidden', 'true')
  return mark
}

function withoutClaim(set: DecorationSet, claimId: string): DecorationSet {
  return set.remove(set.find(undefined, undefined, (spec) => (spec as Spec).id === claimId))
}

/**
 * The plugin for one document's view: `index` maps offsets to positions, and
 * `claimById` finds a claim to redraw when the selection moves to or from it.
 */
export function highlightsPlugin(index: OffsetIndex, claimById: (id: string) => Claim | undefined): Plugin<HighlightState> {
  const redraw = (set: DecorationSet, doc: EditorState['doc'], claimId: string | null, selectedId: string | null) => {
    const claim = claimId ? claimById(claimId) : undefined
    if (!claim) return set
    return withoutClaim(set, claim.id).add(doc, decorate(claim, index, claim.id === selectedId))
  }
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, selectedId: null }),
      apply(tr: Transaction, state, _old, newState) {
        const actions = (tr.getMeta(highlightsKey) as HighlightAction[] | undefined) ?? []
        let decorations = tr.docChanged ? state.decorations.map(tr.mapping, tr.doc) : state.decorations
        let selectedId = state.selectedId
        for (const action of actions) {
          switch (action.type) {
            case 'reset':
              decorations = DecorationSet.create(
                newState.doc,
                action.claims.flatMap((claim) => decorate(claim, index, claim.id === selectedId))
              )
              break
            case 'upsert':
              decorations = withoutClaim(decorations, action.claim.id).add(newState.doc, decorate(action.claim, index, action.claim.id === selectedId))
              break
            case 'remove':
              decorations = withoutClaim(decorations, action.claimId)
              break
            case 'select': {
              const previous = selectedId
              selectedId = action.claimId
              decorations = redraw(redraw(decorations, newState.doc, previous, selectedId), newState.doc, selectedId, selectedId)
            }
          }
        }
        return decorations === state.decorations && selectedId === state.selectedId ? state : { decorations, selectedId }
      }
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.decorations
    }
  })
}

/** The selected claim, as the highlights know it. */
export const highlightedSelection = (state: EditorState) => highlightsKey.getState(state)?.selectedId ?? null

/** The ids of the claims whose highlights cover a position, innermost last. */
export function claimsAt(state: EditorState, pos: number): string[] {
  const set = highlightsKey.getState(state)?.decorations
  if (!set) return []
  return set
    .find(pos, pos)
    .filter((deco) => deco.from <= pos && pos < deco.to)
    .sort((a, b) => b.to - b.from - (a.to - a.from))
    .map((deco) => (deco.spec as Spec).id)
}
