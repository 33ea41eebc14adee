/**
 * The article in a ProseMirror view: read-only text with a caret, claim
 * highlights, and "mark the selection as a claim".
 */
import { keymap } from 'prosemirror-keymap'
import { EditorState, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { TextPositionSelector } from '../../shared/selector'
import type { ArticleDocument, Claim, Suggestion } from '../../shared/model'
import { sentenceInDocument } from '../../shared/sentences'
import { articleDoc } from './build'
import { claimsAt, highlightsKey, highlightsPlugin, type HighlightAction } from './highlights'
import { OffsetIndex } from './offsets'
import { readOnlyText } from './readonly'
import { suggestionMarksKey, suggestionMarksPlugin } from '../assist/suggestionMarks'

export interface ArticleViewHandle {
  /** The selection as canonical-text offsets, or null when nothing is selected. */
  selectedSpan(): TextPositionSelector | null
  /** Scrolls a claim's highlight into view and flashes it. */
  revealClaim(claimId: string): void
  /** Selects a span of the canonical text and scrolls to it (a search hit). */
  selectSpan(span: TextPositionSelector): void
  /** Selects the whole sentence under the caret (also: double-click, Alt+S). */
  snapToSentence(): boolean
  focus(): void
}

/** Selects the sentence around `pos` in the view; false when there is none. */
function snapSentence(editor: EditorView, offsets: OffsetIndex, document: ArticleDocument, pos: number): boolean {
  const span = sentenceInDocument(document.text, offsets.toOffset(pos, 'start'), document.language)
  if (!span) return false
  const selection = TextSelection.create(editor.state.doc, offsets.toPos(span.start, 'start'), offsets.toPos(span.end, 'end'))
  editor.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
  return true
}

interface Props {
  document: ArticleDocument
  claims: readonly Claim[]
  selectedClaimId: string | null
  onMark(): void
  onSelectClaim(claimId: string): void
  /** Sentences suggested as worth checking: faint marks. */
  suggestions?: readonly Suggestion[]
  ref?: Ref<ArticleViewHandle>
}

export function ArticleView({ document, claims, selectedClaimId, onMark, onSelectClaim, suggestions, ref }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const index = useRef<OffsetIndex | null>(null)
  const shown = useRef<Map<string, Claim>>(new Map())
  // Handlers change with every render; the view reads them through a ref.
  const handlers = useRef({ onMark, onSelectClaim })
  handlers.current = { onMark, onSelectClaim }

  // One view per document; the offset index is built here, once.
  useEffect(() => {
    const doc = articleDoc(document.content)
    const offsets = new OffsetIndex(doc)
    index.current = offsets
    shown.current = new Map()
    const editor = new EditorView(host.current!, {
      state: EditorState.create({
        doc,
        plugins: [
          readOnlyText(),
          highlightsPlugin(),
          suggestionMarksPlugin(),
          keymap({
            'Mod-Enter': () => {
              handlers.current.onMark()
              return true
            },
            'Alt-s': (state, _dispatch, editorView) => !!editorView && snapSentence(editorView, offsets, document, state.selection.head)
          })
        ]
      }),
      handleClick(editorView, pos) {
        const ids = claimsAt(editorView.state, pos)
        const innermost = ids[ids.length - 1]
        if (innermost) handlers.current.onSelectClaim(innermost)
        return false
      },
      // A double-click selects the sentence, not the word: marking a claim is one gesture.
      handleDoubleClick: (editorView, pos) => snapSentence(editorView, offsets, document, pos)
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [document])

  // Highlights follow the claims: the first list resets them, later lists change only what changed.
  useEffect(() => {
    const editor = view.current
    const offsets = index.current
    if (!editor || !offsets) return
    const previous = shown.current
    const actions: HighlightAction[] = []
    if (previous.size === 0) {
      if (claims.length) actions.push({ type: 'reset', claims, index: offsets })
    } else {
      const next = new Set<string>()
      for (const claim of claims) {
        next.add(claim.id)
        if (previous.get(claim.id) !== claim) actions.push({ type: 'upsert', claim, index: offsets })
      }
      for (const id of previous.keys()) if (!next.has(id)) actions.push({ type: 'remove', claimId: id })
    }
    shown.current = new Map(claims.map((claim) => [claim.id, claim]))
    for (const action of actions) editor.dispatch(editor.state.tr.setMeta(highlightsKey, action))
  }, [claims, document])

  useEffect(() => {
    const editor = view.current
    if (editor) editor.dispatch(editor.state.tr.setMeta(highlightsKey, { type: 'select', claimId: selectedClaimId }))
  }, [selectedClaimId, document])

  useEffect(() => {
    const editor = view.current
    const offsets = index.current
    if (editor && offsets) editor.dispatch(editor.state.tr.setMeta(suggestionMarksKey, { suggestions: suggestions ?? [], index: offsets }))
  }, [suggestions, document])

  useImperativeHandle(ref, () => ({
    selectedSpan() {
      const editor = view.current
      const offsets = index.current
      if (!editor || !offsets || editor.state.selection.empty) return null
      const { from, to } = editor.state.selection
      const start = offsets.toOffset(from, 'start')
      const end = offsets.toOffset(to, 'end')
      return start < end ? { start, end } : null
    },
    revealClaim(claimId) {
      const element = host.current?.querySelector(`[data-claim-id="${CSS.escape(claimId)}"]`)
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      host.current?.querySelectorAll(`[data-claim-id="${CSS.escape(claimId)}"]`).forEach((part) => {
        part.classList.remove('claim-highlight--flash')
        void (part as HTMLElement).offsetWidth // restart the animation
        part.classList.add('claim-highlight--flash')
      })
    },
    selectSpan(span) {
      const editor = view.current
      const offsets = index.current
      if (!editor || !offsets) return
      const selection = TextSelection.create(editor.state.doc, offsets.toPos(span.start, 'start'), offsets.toPos(span.end, 'end'))
      editor.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
      editor.focus()
      const dom = editor.domAtPos(selection.from)
      const element = dom.node instanceof Element ? dom.node : dom.node.parentElement
      element?.scrollIntoView({ block: 'center' })
    },
    snapToSentence() {
      const editor = view.current
      const offsets = index.current
      return !!editor && !!offsets && snapSentence(editor, offsets, document, editor.state.selection.head)
    },
    focus() {
      view.current?.focus()
    }
  }))

  return <div className="article" ref={host} />
}
