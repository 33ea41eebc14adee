/**
 * The open document's claims, held once. The claims pane reads the list, the
 * card reads one claim, and the article's highlights are drawn from the
 * changes this store announces (their decorations keep only the claim's id).
 */
import type { Claim } from '../../shared/model'
import type { TextPositionSelector } from '../../shared/selector'
import { shareClaimText } from './sharedText'

export type ClaimChange =
  | { type: 'reset' }
  | { type: 'put'; claim: Claim }
  | { type: 'remove'; claimId: string }

/** Text order: start, then end, then number. */
export const byPosition = (a: Claim, b: Claim) => a.position.start - b.position.start || a.position.end - b.position.end || a.number - b.number

export class ClaimStore {
  private byId = new Map<string, Claim>()
  private sorted: readonly Claim[] = []
  private listeners = new Set<() => void>()
  private changeListeners = new Set<(change: ClaimChange) => void>()
  /** The open document (its id and text): claims of others are ignored. */
  private document: { id: string; text: string } | null = null

  get documentId(): string | null {
    return this.document?.id ?? null
  }

  /** Every claim in text order; a new array after each change. */
  get = (): readonly Claim[] => this.sorted

  claim(claimId: string | null): Claim | undefined {
    return claimId ? this.byId.get(claimId) : undefined
  }

  /** The claim whose words are exactly this span, if any. */
  atSpan(span: TextPositionSelector): Claim | undefined {
    return this.sorted.find((c) => !c.orphaned && c.position.start === span.start && c.position.end === span.end)
  }

  reset(document: { id: string; text: string } | null, claims: readonly Claim[]): void {
    this.document = document
    if (document) for (const claim of claims) shareClaimText(claim, document)
    this.byId = new Map(claims.map((claim) => [claim.id, claim]))
    this.sorted = [...claims].sort(byPosition)
    this.emit({ type: 'reset' })
  }

  /** Adds or replaces a claim of the open document (others are ignored). */
  put(claim: Claim): void {
    if (!this.document || claim.documentId !== this.document.id) return
    shareClaimText(claim, this.document)
    const had = this.byId.has(claim.id)
    this.byId.set(claim.id, claim)
    if (had) this.sorted = this.sorted.map((c) => (c.id === claim.id ? claim : c))
    else {
      // Insert in place: a binary search, not a sort of the whole list.
      const list = [...this.sorted]
      let low = 0
      let high = list.length
      while (low < high) {
        const mid = (low + high) >> 1
        if (byPosition(list[mid]!, claim) < 0) low = mid + 1
        else high = mid
      }
      list.splice(low, 0, claim)
      this.sorted = list
    }
    this.emit({ type: 'put', claim })
  }

  remove(claimId: string): void {
    if (!this.byId.delete(claimId)) return
    this.sorted = this.sorted.filter((c) => c.id !== claimId)
    this.emit({ type: 'remove', claimId })
  }

  /** For React: re-render on any change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** For the article: each change, to redraw only what changed. */
  onChange(listener: (change: ClaimChange) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  private emit(change: ClaimChange): void {
    for (const listener of [...this.changeListeners]) listener(change)
    for (const listener of [...this.listeners]) listener()
  }
}
