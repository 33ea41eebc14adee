/**
 * A page's metadata, where the page has it: JSON-LD (schema.org NewsArticle
 * and kin) first, then OpenGraph and other meta tags, then the page's own
 * title and language. Read before the article is extracted, which changes
 * the DOM.
 */
import { foldWhitespace, languageTag } from '../../shared/article'
import { limits } from '../../shared/api'
import type { DocumentMetadata } from '../../shared/model'
import type { DomDocument } from './dom'
import { webAddress } from './links'

export type FoundMetadata = { [K in keyof DocumentMetadata]?: DocumentMetadata[K] }

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|CreativeWork/

export function pageMetadata(document: DomDocument, pageUrl?: string): FoundMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element =
        document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`)
      const content = clean(element?.getAttribute('content'))
      if (content) return content
    }
    return null
  }
  const ld = jsonLdArticle(document)
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')
  const author = ld ? names(ld.author) : null
  return {
    title: clean(text(ld?.headline) ?? text(ld?.name)) ?? meta('og:title', 'twitter:title') ?? clean(document.title) ?? undefined,
    author: author ?? authorName(meta('author', 'article:author', 'byl', 'dc.creator', 'DC.creator', 'sailthru.author')),
    publisher: clean(names(ld?.publisher)) ?? meta('og:site_name', 'application-name', 'publisher'),
    publishedAt: date(
      text(ld?.datePublished) ??
        meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued') ??
        document.querySelector('time[datetime]')?.getAttribute('datetime')
    ),
    sourceUrl:
      webAddress(canonical, pageUrl) ??
      webAddress(meta('og:url'), pageUrl) ??
      webAddress(text(ld?.url) ?? text((ld?.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']), pageUrl) ??
      webAddress(pageUrl),
    language: language(document.documentElement?.getAttribute('lang') ?? meta('og:locale', 'language', 'content-language'))
  }
}

/** Drops the fields a source did not have, so they do not overwrite known ones. */
export function knownFields(found: FoundMetadata): FoundMetadata {
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== null && value !== undefined && value !== ''))
}

function jsonLdArticle(document: DomDocument): Record<string, unknown> | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]')
  const candidates: Record<string, unknown>[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      candidates.push(record)
      if (record['@graph']) collect(record['@graph'])
    }
  }
  for (let i = 0; i < scripts.length; i++) {
    try {
      collect(JSON.parse(withoutCdata(scripts[i]!.textContent ?? '')))
    } catch {
      // A page's broken JSON-LD is not the analyst's problem: skip it.
    }
  }
  const typed = (record: Record<string, unknown>) => [record['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))
  return candidates.find((c) => typed(c) && (c.headline || c.datePublished)) ?? candidates.find(typed) ?? null
}

/**
 * JSON-LD as XHTML-minded sites wrap it: `<![CDATA[ … ]]>`, often inside
 * line or block comments (`//<![CDATA[`); the wrapper is not JSON.
 */
export function withoutCdata(source: string): string {
  return source
    .replace(/^\s*(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?\s*$/, '')
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** A person or organisation, a list of them, or a plain name. */
function names(value: unknown): string | null {
  const list = [value].flat().map((item) => (typeof item === 'string' ? item : text((item as Record<string, unknown> | null)?.name)))
  const found = list.map((name) => clean(name)).filter((name): name is string => !!name && !/^https?:/.test(name))
  return found.length ? found.join(', ') : null
}

/** A byline without its "By". */
export function authorName(byline: string | null | undefined): string | null {
  const name = clean(byline?.replace(/^\s*(by|von|par|por)\s+/i, ''))
  return name && !/^https?:/.test(name) ? name : null
}

function clean(value: string | null | undefined): string | null {
  if (!value) return null
  const folded = foldWhitespace(value).trim()
  return folded ? folded.slice(0, limits.metadataLength) : null
}

/** A date as the page gave it, normalised to ISO 8601 when it can be read. */
export function date(value: string | null | undefined): string | null {
  const raw = clean(value)
  if (!raw) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw
  const time = Date.parse(raw)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/** A BCP 47 tag from "en", "en-US" or OpenGraph's "en_US". */
function language(value: string | null | undefined): string | null {
  return languageTag(clean(value))
}
