/**
 * The article in a ProseMirror view: read-only text with a caret, claim
 * highlights, and the keymap of the command table. The view hands its
 * selection up to the desk as it changes, draws each change of the claims as
 * one transaction, and registers itself as the desk's article surface.
 */
import { keymap } from 'prosemirror-keymap'
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useRef } from 'react'
import { suggestionMarksKey, suggestionMarksPlugin } from '../assist/suggestionMarks'
import type { ArticleDocument } from '../../shared/model'
import { sentenceInDocument } from '../../shared/sentences'
import type { TextPositionSelector } from '../../shared/selector'
import { bindings } from '../commands/keys'
import { commands } from '../commands'
import type { ClaimChange } from '../desk/ClaimStore'
import { useDesk } from '../desk/context'
import type { Desk } from '../desk/Desk'
import { articleDoc } from './build'
import { claimsAt, highlightedSelection, highlightsKey, highlightsPlugin, type HighlightAction } from './highlights'
import { OffsetIndex } from './offsets'
import { readOnlyText } from './readonly'

/** Selects the sentence around `pos` in the view; false when there is none. */
function snapSentence(editor: EditorView, offsets: OffsetIndex, document: ArticleDocument, pos: number): boolean {
  const span = sentenceInDocument(document.text, offsets.toOffset(pos, 'start'), document.language)
  if (!span) return false
  select(editor, offsets, span)
  return true
}

function select(editor: EditorView, offsets: OffsetIndex, span: TextPositionSelector): void {
  const selection = TextSelection.create(editor.state.doc, offsets.toPos(span.start, 'start'), offsets.toPos(span.end, 'end'))
  editor.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
}

/** The selection in canonical-text offsets, or null when it is empty. */
function spanOf(selection: Selection, offsets: OffsetIndex): TextPositionSelector | null {
  if (selection.empty) return null
  const start = offsets.toOffset(selection.from, 'start')
  const end = offsets.toOffset(selection.to, 'end')
  return start < end ? { start, end } : null
}

const sameSpan = (a: TextPositionSelector | null, b: TextPositionSelector | null) => a?.start === b?.start && a?.end === b?.end

/** The highlight transaction for a change of the claim store. */
function highlightChange(desk: Desk, editor: EditorView, change: ClaimChange): Transaction {
  const tr = editor.state.tr
  const actions: HighlightAction[] = []
  if (change.type === 'reset') actions.push({ type: 'reset', claims: desk.claims.get() })
  else if (change.type === 'remove') actions.push({ type: 'remove', claimId: change.claimId })
  else {
    const selectedId = desk.selectedId.get()
    if (selectedId !== highlightedSelection(editor.state)) actions.push({ type: 'select', claimId: selectedId })
    actions.push({ type: 'upsert', claim: change.claim })
  }
  return tr.setMeta(highlightsKey, actions)
}

export function ArticleView({ document }: { document: ArticleDocument }) {
  const desk = useDesk()
  const host = useRef<HTMLDivElement>(null)

  // One view per document; the offset index is built here, once.
  useEffect(() => {
    const doc = articleDoc(document.content)
    const offsets = new OffsetIndex(doc)
    const editor: EditorView = new EditorView(host.current!, {
      state: EditorState.create({
        doc,
        plugins: [
          readOnlyText(),
          highlightsPlugin(offsets, (id) => desk.claims.claim(id), { claims: desk.claims.get(), selectedId: desk.selectedId.get() }),
          suggestionMarksPlugin(),
          keymap({
            ...bindings(commands, desk),
            'Alt-s': (state, _dispatch, view) => !!view && snapSentence(view, offsets, document, state.selection.head)
          })
        ]
      }),
      dispatchTransaction(tr) {
        editor.updateState(editor.state.apply(tr))
        if (tr.selectionSet) {
          const span = spanOf(editor.state.selection, offsets)
          if (!sameSpan(span, desk.selection.get())) desk.selection.set(span)
        }
      },
      handleClick(view, pos) {
        const ids = claimsAt(view.state, pos)
        const innermost = ids[ids.length - 1]
        if (innermost) desk.selectClaim(innermost)
        return false
      },
      handleDOMEvents: {
        // The menu on a highlight: the claim's commands.
        contextmenu(view, event) {
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
          const ids = at ? claimsAt(view.state, at.pos) : []
          const innermost = ids[ids.length - 1]
          if (!innermost) return false
          event.preventDefault()
          desk.selectClaim(innermost)
          desk.menu.set({ x: event.clientX, y: event.clientY })
          return true
        }
      },
      // A double-click selects the sentence, not the word: marking a claim is one gesture.
      handleDoubleClick: (view, pos) => snapSentence(view, offsets, document, pos)
    })
    const stopClaims = desk.claims.onChange((change) => editor.dispatch(highlightChange(desk, editor, change)))
    const stopSelected = desk.selectedId.subscribe(() => {
      const selectedId = desk.selectedId.get()
      if (selectedId !== highlightedSelection(editor.state)) {
        editor.dispatch(editor.state.tr.setMeta(highlightsKey, [{ type: 'select', claimId: selectedId }]))
      }
    })
    const showSuggestions = () => editor.dispatch(editor.state.tr.setMeta(suggestionMarksKey, { suggestions: desk.suggestions.get(), index: offsets }))
    showSuggestions()
    const stopSuggestions = desk.suggestions.subscribe(showSuggestions)
    const stopFocus = desk.registerFocus('article', () => editor.focus())
    const element = (claimId: string) => host.current?.querySelectorAll<HTMLElement>(`[data-claim-id="${CSS.escape(claimId)}"]`) ?? []
    desk.article = {
      reveal(claimId) {
        const parts = [...element(claimId)]
        parts[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' })
        for (const part of parts) {
          part.classList.remove('claim-highlight--flash')
          void part.offsetWidth // restart the animation
          part.classList.add('claim-highlight--flash')
        }
      },
      selectSpan(span) {
        select(editor, offsets, span)
        editor.focus()
        const dom = editor.domAtPos(editor.state.selection.from)
        const node = dom.node instanceof Element ? dom.node : dom.node.parentElement
        node?.scrollIntoView({ block: 'center' })
      },
      snapToSentence: () => snapSentence(editor, offsets, document, editor.state.selection.head),
      placeCaretAfter(claimId) {
        const claim = desk.claims.claim(claimId)
        if (!claim || claim.orphaned) return
        editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, offsets.toPos(claim.position.end, 'end'))))
      },
      focus: () => editor.focus()
    }
    return () => {
      stopClaims()
      stopSelected()
      stopSuggestions()
      stopFocus()
      desk.article = null
      desk.selection.set(null)
      editor.destroy()
    }
  }, [desk, document])

  // The document's language, for the browser's fonts, hyphenation and screen readers; blocks in another language carry their own.
  return <div className="article" ref={host} lang={document.language ?? undefined} />
}
