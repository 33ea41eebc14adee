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
import { statuses, statusStyles, type Status } from '../../shared/status'
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
  /** Drawn in more than one element (it overlaps another claim, or crosses a block or a link): its icon is a widget. */
  parts: boolean
}

export const highlightsKey = new PluginKey<HighlightState>('claimHighlights')

/** What a highlight says to assistive technology and in its tooltip. */
export const highlightLabel = (claim: Claim) => `Claim ${claim.number}: ${statusStyles[claim.status].label}`

/** The class of every highlight of a verdict, selected or not: one string each, shared by 10,000 highlights. */
const highlightClass = Object.fromEntries(
  statuses.map((status) => [status, [false, true].map((selected) => `claim-highlight claim--${status}${selected ? ' claim-highlight--selected' : ''}`)])
) as Record<Status, [string, string]>

/**
 * A claim's highlight. Its verdict icon (the cue besides colour) is drawn by CSS after the
 * highlight's element, which costs nothing; a claim drawn in several elements gets
 * the icon as a widget at its end instead (CSS would repeat it after each part).
 */
function decorate(claim: Claim, index: OffsetIndex, selected: boolean, parts: boolean): Decoration[] {
  if (claim.orphaned) return []
  const from = index.toPos(claim.position.start, 'start')
  const to = index.toPos(claim.position.end, 'end')
  if (from >= to) return []
  parts ||= !index.isOneRun(claim.position.start, claim.position.end)
  const label = highlightLabel(claim)
  const spec: Spec = { id: claim.id, parts }
  const className = highlightClass[claim.status][selected ? 1 : 0]
  // Each claim gets its own element (nodeName), so overlapping claims nest instead of merging into one span.
  const highlight = Decoration.inline(
    from,
    to,
    { nodeName: 'span', class: parts ? `${className} claim-highlight--parts` : className, 'data-claim-id': claim.id, title: label, 'aria-description': label },
    spec
  )
  if (!parts) return [highlight]
  return [highlight, Decoration.widget(to, () => verdictMark(claim), { side: -1, key: `${claim.id}:${claim.status}`, ...spec, ignoreSelection: true })]
}

function verdictMark(claim: Claim): HTMLElement {
  const mark = document.createElement('span')
  mark.className = `claim-verdict-mark claim--${claim.status}`
  mark.setAttribute('aria-hidden', 'true')
  return mark
}

function withoutClaim(set: DecorationSet, claimId: string): DecorationSet {
  return set.remove(set.find(undefined, undefined, (spec) => (spec as Spec).id === claimId))
}

/** The other claims drawn over part of a claim's words. */
function overlapping(set: DecorationSet, claimId: string, from: number, to: number): Decoration[] {
  return set.find(from, to, (spec) => (spec as Spec).id !== claimId && !('key' in spec)).filter((deco) => deco.from < to && deco.to > from)
}

/** Which claims (in text order) overlap another: they are drawn in parts. */
function overlaps(claims: readonly Claim[]): Set<string> {
  const drawn = claims.filter((claim) => !claim.orphaned)
  const result = new Set<string>()
  let furthest = -1
  drawn.forEach((claim, i) => {
    const next = drawn[i + 1]
    if (furthest > claim.position.start || (next && next.position.start < claim.position.end)) result.add(claim.id)
    furthest = Math.max(furthest, claim.position.end)
  })
  return result
}

/**
 * The plugin for one document's view: `index` maps offsets to positions, and
 * `claimById` finds a claim to redraw when the selection moves to or from it.
 */
export function highlightsPlugin(
  index: OffsetIndex,
  claimById: (id: string) => Claim | undefined,
  initial: { claims: readonly Claim[]; selectedId: string | null }
): Plugin<HighlightState> {
  /** Draws one claim afresh; claims it now overlaps are redrawn in parts too. */
  const draw = (set: DecorationSet, doc: EditorState['doc'], claim: Claim, selectedId: string | null): DecorationSet => {
    set = withoutClaim(set, claim.id)
    const from = index.toPos(claim.position.start, 'start')
    const to = index.toPos(claim.position.end, 'end')
    const others = claim.orphaned ? [] : overlapping(set, claim.id, from, to)
    set = set.add(doc, decorate(claim, index, claim.id === selectedId, others.length > 0))
    for (const deco of others) {
      const other = (deco.spec as Spec).parts ? undefined : claimById((deco.spec as Spec).id)
      if (other) set = withoutClaim(set, other.id).add(doc, decorate(other, index, other.id === selectedId, true))
    }
    return set
  }
  const redraw = (set: DecorationSet, doc: EditorState['doc'], claimId: string | null, selectedId: string | null) => {
    const claim = claimId ? claimById(claimId) : undefined
    return claim ? draw(set, doc, claim, selectedId) : set
  }
  /** Every claim (in text order), at once. */
  const drawAll = (doc: EditorState['doc'], claims: readonly Claim[], selectedId: string | null) => {
    const inParts = overlaps(claims)
    return DecorationSet.create(doc, claims.flatMap((claim) => decorate(claim, index, claim.id === selectedId, inParts.has(claim.id))))
  }
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      // Drawn with the document: the view's first render already has every highlight.
      init: (_config, state) => ({ decorations: drawAll(state.doc, initial.claims, initial.selectedId), selectedId: initial.selectedId }),
      apply(tr: Transaction, state, _old, newState) {
        const actions = (tr.getMeta(highlightsKey) as HighlightAction[] | undefined) ?? []
        let decorations = tr.docChanged ? state.decorations.map(tr.mapping, tr.doc) : state.decorations
        let selectedId = state.selectedId
        for (const action of actions) {
          switch (action.type) {
            case 'reset':
              decorations = drawAll(newState.doc, action.claims, selectedId)
              break
            case 'upsert':
              decorations = draw(decorations, newState.doc, action.claim, selectedId)
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
