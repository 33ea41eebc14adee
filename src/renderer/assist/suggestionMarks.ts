/**
 * Suggestions as faint marks in the article: inline decorations, replaced as
 * a whole whenever the list of suggestions on show changes (a handful at a time).
 */
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Suggestion } from '../../shared/model'
import type { OffsetIndex } from '../article/offsets'

export const suggestionMarksKey = new PluginKey<DecorationSet>('suggestionMarks')

export interface SuggestionMarksAction {
  suggestions: readonly Suggestion[]
  index: OffsetIndex
}

export function suggestionMarksPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionMarksKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const action = tr.getMeta(suggestionMarksKey) as SuggestionMarksAction | undefined
        if (!action) return tr.docChanged ? set.map(tr.mapping, tr.doc) : set
        return DecorationSet.create(
          state.doc,
          action.suggestions.flatMap((s) => {
            const from = action.index.toPos(s.start, 'start')
            const to = action.index.toPos(s.end, 'end')
            return from < to
              ? [Decoration.inline(from, to, { class: 'suggestion-mark', 'data-suggestion-start': String(s.start), title: `Suggested: worth checking (${Math.round(s.score * 100)})` })]
              : []
          })
        )
      }
    },
    props: { decorations: (state) => suggestionMarksKey.getState(state) }
  })
}
