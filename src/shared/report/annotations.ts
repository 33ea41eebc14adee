/**
 * The claims as W3C Web Annotation JSON-LD: one AnnotationCollection, each
 * claim an Annotation with motivation "assessing", anchored by a
 * TextQuoteSelector and a TextPositionSelector whose offsets count code
 * points, as the model requires (Factmark stores UTF-16 offsets).
 *
 * Bodies: the verdict (purpose "assessing"), each note (TextualBody, purpose
 * "commenting"), each tag ("tagging") and each source (a SpecificResource,
 * purpose "linking", with its stance). The collection also carries the
 * document itself, text and structure, under Factmark's own `document` term,
 * so the file can be imported into another library (readAnnotations.ts).
 * https://www.w3.org/TR/annotation-model/
 */
import type { ArticleDocument } from '../model'
import { statusStyles } from '../status'
import { reportClaims, type ReportData } from './data'
import { offsetConverter } from './codepoints'

/** Factmark's vocabulary for what the W3C model has no term for. */
export const FACTMARK_NAMESPACE = 'https://factmark.app/ns/1#'

export const ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    fm: FACTMARK_NAMESPACE,
    document: { '@id': 'fm:document', '@type': '@json' },
    verdict: 'fm:verdict',
    claimant: 'fm:claimant',
    orphaned: 'fm:orphaned',
    stance: 'fm:stance',
    title: 'http://purl.org/dc/terms/title',
    excerpt: 'fm:excerpt',
    accessed: { '@id': 'fm:accessed', '@type': 'xsd:dateTime' }
  }
] as const

const urn = (id: string): string => `urn:uuid:${id}`

export function annotationCollection(data: ReportData): Record<string, unknown> {
  const { document } = data
  const offsets = offsetConverter(document.text)
  const items = reportClaims(data).map(({ claim, notes, sources }) => {
    const body: Record<string, unknown>[] = [
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: statusStyles[claim.status].label,
        format: 'text/plain',
        verdict: claim.status
      },
      ...notes.map((note) => ({
        id: urn(note.id),
        type: 'TextualBody',
        purpose: 'commenting',
        value: note.body,
        format: 'text/plain',
        creator: { type: 'Person', name: note.author },
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
        ...(source.accessedAt !== null && { accessed: source.accessedAt }),
        created: source.createdAt
      })),
      ...claim.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }))
    ]
    return {
      id: urn(claim.id),
      type: 'Annotation',
      motivation: 'assessing',
      created: claim.createdAt,
      modified: claim.updatedAt,
      ...(claim.claimant !== null && { claimant: claim.claimant }),
      ...(claim.orphaned && { orphaned: true }),
      body,
      target: {
        source: urn(document.id),
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
    id: `${urn(document.id)}#claims`,
    type: 'AnnotationCollection',
    label: `Claims in “${document.title}”`,
    creator: { type: 'Person', name: data.analyst },
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
      text: document.text,
      content: document.content
    } satisfies Omit<ArticleDocument, 'version'>,
    first: { type: 'AnnotationPage', startIndex: 0, items }
  }
}

export function renderAnnotations(data: ReportData): string {
  return JSON.stringify(annotationCollection(data), null, 2) + '\n'
}
