/**
 * The claims as W3C Web Annotation JSON-LD: one AnnotationCollection, each
 * claim an Annotation with motivation "assessing", anchored by a
 * TextQuoteSelector and a TextPositionSelector whose offsets count code
 * points, as the model requires (Factmark stores UTF-16 offsets).
 *
 * Bodies: the verdict (purpose "assessing", named with the desk's label), the
 * public rationale ("describing"), each note (TextualBody, purpose
 * "commenting", `public` when made public), each tag ("tagging") and each
 * source (a SpecificResource, purpose "linking", with its stance). A data
 * output: it carries everything, internal notes included. The collection also carries the
 * document itself, text and structure, under Factmark's own `document` term,
 * so the file can be imported into another library (readAnnotations.ts).
 * https://www.w3.org/TR/annotation-model/
 */
import type { ArticleDocument } from '../model'
import { isWebUrl, reportClaims, scaleOf, type ReportData } from './data'
import { offsetConverter } from './codepoints'
import { jsonForPages } from './escape'

/** Factmark's vocabulary for what the W3C model has no term for. */
export const FACTMARK_NAMESPACE = 'https://factmark.app/ns/1#'

export const ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    fm: FACTMARK_NAMESPACE,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    document: { '@id': 'fm:document', '@type': '@json' },
    verdict: 'fm:verdict',
    claimant: 'fm:claimant',
    orphaned: { '@id': 'fm:orphaned', '@type': 'xsd:boolean' },
    public: { '@id': 'fm:public', '@type': 'xsd:boolean' },
    stance: 'fm:stance',
    title: 'http://purl.org/dc/terms/title',
    excerpt: 'fm:excerpt',
    accessed: { '@id': 'fm:accessed', '@type': 'xsd:date' }
  }
] as const

const urn = (id: string): string => `urn:uuid:${id}`
const person = (name: string) => ({ type: 'Person', name })

export function annotationCollection(data: ReportData): Record<string, unknown> {
  const { document } = data
  const offsets = offsetConverter(document.text)
  const scale = scaleOf(data)
  const collectionId = `${urn(document.id)}#claims`
  // The article as readers find it: its web address when known, else the document's own id.
  const targetSource = isWebUrl(document.sourceUrl) ? document.sourceUrl.trim() : urn(document.id)
  const items = reportClaims(data).map(({ claim, notes, sources }) => {
    const body: Record<string, unknown>[] = [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: scale[claim.status].label,
        format: 'text/plain',
        verdict: claim.status
      },
      ...(claim.rationale
        ? [{ type: 'TextualBody', purpose: 'describing', value: claim.rationale, format: 'text/plain', ...(document.language && { language: document.language }) }]
        : []),
      // No id on a textual body: the W3C tests read a body with an id and no source as an external
      // resource, which may not carry a purpose (3.3.5).
      ...notes.map((note) => ({
        type: 'TextualBody',
        purpose: 'commenting',
        value: note.body,
        format: 'text/plain',
        ...(note.public && { public: true }),
        creator: person(note.author),
        created: note.createdAt,
        modified: note.updatedAt
      })),
      ...sources.map((source) => ({
        id: urn(source.id),
        type: 'SpecificResource',
        purpose: 'linking',
        source: source.url,
        stance: source.stance,
        ...(source.title !== null && { title: source.title }),
        ...(source.excerpt !== null && { excerpt: source.excerpt }),
        ...(source.accessedAt !== null && { accessed: source.accessedAt.slice(0, 10) }),
        created: source.createdAt
      })),
      ...claim.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }))
    ]
    return {
      id: urn(claim.id),
      type: 'Annotation',
      motivation: 'assessing',
      creator: person(claim.createdBy ?? data.analyst),
      created: claim.createdAt,
      modified: claim.updatedAt,
      ...(claim.claimant !== null && { claimant: claim.claimant }),
      ...(claim.orphaned && { orphaned: true }),
      body,
      target: {
        source: targetSource,
        ...(document.language && { language: document.language }),
        ...(data.documentFormat && { format: data.documentFormat }),
        selector: [
          { type: 'TextQuoteSelector', exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix },
          {
            type: 'TextPositionSelector',
            start: offsets.toCodePoints(claim.position.start),
            end: offsets.toCodePoints(claim.position.end)
          }
        ]
      }
    }
  })
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Claims in “${document.title}”`,
    creator: person(data.analyst),
    generator: { id: 'https://factmark.app', type: 'Software', name: 'Factmark' },
    generated: data.generatedAt,
    total: items.length,
    document: {
      id: document.id,
      title: document.title,
      sourceUrl: document.sourceUrl,
      publisher: document.publisher,
      author: document.author,
      publishedAt: document.publishedAt,
      language: document.language,
      importedAt: document.importedAt,
      conclusion: document.conclusion,
      publicationUrl: document.publicationUrl,
      publicationDate: document.publicationDate,
      text: document.text,
      content: document.content
    } satisfies Omit<ArticleDocument, 'version'>,
    // The model requires every page to have an id (§5.2); one page holds every claim.
    first: { id: `${collectionId}-page-1`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items }
  }
}

export function renderAnnotations(data: ReportData): string {
  return jsonForPages(annotationCollection(data))
}
