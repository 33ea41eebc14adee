/**
 * The article in a ProseMirror view: read-only text with a caret, claim
 * highlights, and "mark the selection as a claim".
 */
import { keymap } from 'prosemirror-keymap'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import type { TextPositionSelector } from '../../shared/selector'
import type { ArticleDocument, Claim } from '../../shared/model'
import { articleDoc } from './build'
import { claimsAt, highlightsKey, highlightsPlugin, type HighlightAction } from './highlights'
import { OffsetIndex } from './offsets'
import { readOnlyText } from './readonly'

export interface ArticleViewHandle {
  /** The selection as canonical-text offsets, or null when nothing is selected. */
  selectedSpan(): TextPositionSelector | null
  /** Scrolls a claim's highlight into view. */
  revealClaim(claimId: string): void
  focus(): void
}

interface Props {
  document: ArticleDocument
  claims: readonly Claim[]
  selectedClaimId: string | null
  onMark(): void
  onSelectClaim(claimId: string): void
  ref?: Ref<ArticleViewHandle>
}

export function ArticleView({ document, claims, selectedClaimId, onMark, onSelectClaim, ref }: Props) {
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
    index.current = new OffsetIndex(doc)
    shown.current = new Map()
    const editor = new EditorView(host.current!, {
      state: EditorState.create({
        doc,
        plugins: [
          readOnlyText(),
          highlightsPlugin(),
          keymap({
            'Mod-Enter': () => {
              handlers.current.onMark()
              return true
            }
          })
        ]
      }),
      handleClick(editorView, pos) {
        const ids = claimsAt(editorView.state, pos)
        const innermost = ids[ids.length - 1]
        if (innermost) handlers.current.onSelectClaim(innermost)
        return false
      }
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
    },
    focus() {
      view.current?.focus()
    }
  }))

  return <div className="article" ref={host} />
}
