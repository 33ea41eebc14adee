/**
 * The analyst's desk: the view state of the window, held once, and the few
 * things every action needs (the API, the message line, undo, focus). Actions
 * live beside their concern (library/, claims/, document/, reader/) and take
 * the desk; components read its values with `useValue`.
 */
import type { ApiClient } from '../../shared/api'
import type { ArticleDocument, Claimant, DocumentSummary, Suggestion } from '../../shared/model'
import type { TextPositionSelector } from '../../shared/selector'
import { ApiCallError, errorMessage } from '../api/client'
import { noFilter, type ClaimFilter } from '../claims/filter'
import { ClaimStore } from './ClaimStore'
import { UndoHistory } from './UndoHistory'
import { Value } from './value'

/** The one-line message under the toolbar. Errors are alerts; everything else is said politely. */
export interface Notice {
  message: string
  kind: 'error' | 'info'
  /** Offer Undo beside the message (after a deletion). */
  undo?: boolean
}

/** The dialogs the desk opens; each is mounted once in the layout. */
export type DialogName = 'import' | 'newVersion' | 'export' | 'details' | 'publishing' | 'deleteDocument' | 'palette'

/** What the article view does when asked: it registers itself here while a document is open. */
export interface ArticleSurface {
  /** Scrolls a claim's highlight into view and flashes it. */
  reveal(claimId: string): void
  /** Selects a span of the canonical text and scrolls to it (a search hit). */
  selectSpan(span: TextPositionSelector): void
  /** Selects the whole sentence at the caret; false when there is none. */
  snapToSentence(): boolean
  /** Leaves the caret at the end of a claim's words (the claim is selected instead of the text). */
  placeCaretAfter(claimId: string): void
  focus(): void
}

/** Places focus can go after an action; each registers itself while mounted. */
export type FocusTarget = 'article' | 'claims' | 'card' | 'note' | 'search' | 'suggestions'

export class Desk {
  readonly documents = new Value<readonly DocumentSummary[]>([])
  readonly document = new Value<ArticleDocument | null>(null)
  readonly claims = new ClaimStore()
  readonly selectedId = new Value<string | null>(null)
  /** The article's selection in canonical-text offsets, handed up by the article view; null when empty. */
  readonly selection = new Value<TextPositionSelector | null>(null)
  readonly notice = new Value<Notice | null>(null)
  readonly dialog = new Value<DialogName | null>(null)
  readonly filter = new Value<ClaimFilter>(noFilter)
  readonly tags = new Value<readonly string[]>([])
  readonly claimants = new Value<readonly Claimant[]>([])
  /** Bumped when a claim's notes or sources change, so an open card reloads them. */
  readonly detailVersion = new Value(0)
  /** The context menu on a highlight, where it opens. */
  readonly menu = new Value<{ x: number; y: number } | null>(null)
  readonly fatal = new Value<string | null>(null)
  /** Claim assist: the suggestions on show (faint marks in the article), and a counter bumped by feed imports. */
  readonly suggestions = new Value<readonly Suggestion[]>([])
  /** The suggestion with focus in the list: what the suggestion commands act on. */
  readonly suggestion = new Value<Suggestion | null>(null)
  /** Bumped when the suggestions should be listed again (one was dismissed). */
  readonly suggestionsVersion = new Value(0)
  readonly priorVersion = new Value(0)
  readonly history = new UndoHistory()
  article: ArticleSurface | null = null
  private focusers = new Map<FocusTarget, () => void>()
  private serialQueue: Promise<unknown> = Promise.resolve()

  constructor(readonly api: ApiClient) {}

  /** Shows a message politely (a status, not an alert). */
  say(message: string, options: { undo?: boolean } = {}): void {
    this.notice.set({ message, kind: 'info', ...options })
  }

  /** Shows what went wrong, as an alert. */
  report = (error: unknown): void => {
    if (error instanceof ApiCallError && error.code === 'unauthorized') {
      this.fatal.set('This page has no valid access token. Open the address that `npm start` printed.')
    } else this.notice.set({ message: errorMessage(error), kind: 'error' })
  }

  /** Runs actions one after another: a second Ctrl+Enter waits for the first claim before it looks for it. */
  serial<T>(action: () => Promise<T>): Promise<T> {
    const result = this.serialQueue.then(action, action)
    this.serialQueue = result.catch(() => undefined)
    return result
  }

  registerFocus(target: FocusTarget, focus: () => void): () => void {
    this.focusers.set(target, focus)
    return () => {
      if (this.focusers.get(target) === focus) this.focusers.delete(target)
    }
  }

  /** Resolves once the window has drawn what is on it now (or after 100 ms, when it draws no frames, hidden). */
  nextPaint(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 100)
      requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve())))
    })
  }

  /** Moves focus to a place, after React has drawn it. */
  focus(target: FocusTarget): void {
    requestAnimationFrame(() => this.focusers.get(target)?.())
  }

  /** Selects a claim (null: none); `reveal` scrolls the article to it. */
  selectClaim(claimId: string | null, options: { reveal?: boolean; focus?: FocusTarget } = {}): void {
    this.selectedId.set(claimId)
    if (claimId && options.reveal) this.article?.reveal(claimId)
    if (options.focus) this.focus(options.focus)
  }

  /** The claim the card shows. */
  get selectedClaim() {
    return this.claims.claim(this.selectedId.get())
  }
}
