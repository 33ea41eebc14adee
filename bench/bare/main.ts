/**
 * The benchmarks' bare baseline: ProseMirror with nothing of Factmark. It
 * fetches the same document and claims from the same host, shows the text as
 * plain paragraphs and the claims as inline decorations, and can add one more.
 * Built by bench/scale.bench.ts with vite; never shipped.
 */
import { Schema } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {}
  }
})

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? ''

async function call<T>(operation: string, input: unknown): Promise<T> {
  const response = await fetch(`/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input)
  })
  const outcome = (await response.json()) as { ok: boolean; value: T }
  return outcome.value
}

let view: EditorView | undefined
let decorations = DecorationSet.empty
/** Paragraph start positions and text offsets, for offset → position. */
let starts: { offset: number; pos: number }[] = []

function toPos(offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]!.offset <= offset) low = mid
    else high = mid - 1
  }
  return starts[low]!.pos + (offset - starts[low]!.offset)
}

function decoration(id: string, start: number, end: number): Decoration {
  return Decoration.inline(toPos(start), toPos(end), { class: 'claim', 'data-claim-id': id })
}

async function open(documentId: string): Promise<void> {
  const [doc, claims] = await Promise.all([
    call<{ text: string }>('getDocument', { documentId }),
    call<{ id: string; position: { start: number; end: number } }[]>('listClaims', { documentId })
  ])
  const paragraphs = doc.text.split('\n\n')
  starts = []
  let offset = 0
  let pos = 1
  const nodes = paragraphs.map((text) => {
    starts.push({ offset, pos })
    offset += text.length + 2
    pos += text.length + 2
    return schema.node('paragraph', null, text ? [schema.text(text)] : [])
  })
  const pmDoc = schema.node('doc', null, nodes)
  decorations = DecorationSet.create(pmDoc, claims.map((c) => decoration(c.id, c.position.start, c.position.end)))
  view?.destroy()
  view = new EditorView(document.getElementById('article')!, {
    state: EditorState.create({ doc: pmDoc }),
    decorations: () => decorations,
    editable: () => false
  })
}

function addClaim(id: string, start: number, end: number): void {
  decorations = decorations.add(view!.state.doc, [decoration(id, start, end)])
  view!.setProps({ decorations: () => decorations })
}

Object.assign(window, { bare: { open, addClaim } })
