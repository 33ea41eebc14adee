/**
 * A server-side DOM for untrusted HTML (linkedom: it parses, it never runs
 * script, loads a resource or applies a style), and the small slice of the
 * DOM interface Factmark reads. The main process has no DOM typings of its
 * own, so the slice is declared here.
 */
import { parseHTML } from 'linkedom'
import { MAX_PAGE_DEPTH, nestingDepth } from './nesting'

export interface DomNode {
  nodeType: number
  nodeName: string
  childNodes: ArrayLike<DomNode>
  textContent: string | null
}

export interface DomElement extends DomNode {
  tagName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  remove(): void
}

export interface DomDocument {
  documentElement: DomElement | null
  head: DomElement | null
  body: DomElement | null
  title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

export const TEXT_NODE = 3
export const ELEMENT_NODE = 1

/** A page nested deeper than the parser can build in time; the reader names the source in its message (reader.ts). */
export class NestedTooDeep extends Error {
  readonly limit = MAX_PAGE_DEPTH
}

/** Parses a whole page, or a fragment (which is wrapped into a page first). Pages nested past MAX_PAGE_DEPTH are refused. */
export function parseDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
  if (nestingDepth(page) > MAX_PAGE_DEPTH) throw new NestedTooDeep(`nested deeper than ${MAX_PAGE_DEPTH} elements`)
  return parseHTML(page).document as unknown as DomDocument
}
