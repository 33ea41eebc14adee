/** Evidence sources: the list, and a form to add one. URLs are checked here first and on the main side. */
import { useState, type FormEvent } from 'react'
import { formatDate } from '../format/time'
import { checkSourceUrl, fieldLimits } from '../../shared/fields'
import { stanceLabels, stances, type Source, type Stance } from '../../shared/model'

export interface SourceDraft {
  url: string
  title: string
  excerpt: string
  /** No default: a forgotten choice must not record refuting evidence as supporting. */
  stance: Stance | ''
  accessedAt: string
}

interface Props {
  sources: readonly Source[]
  onAdd(source: SourceDraft): Promise<boolean>
  onRemove(source: Source): void
}

const today = () => new Date().toISOString().slice(0, 10)
const blank = (): SourceDraft => ({ url: '', title: '', excerpt: '', stance: '', accessedAt: today() })

export function SourcesSection({ sources, onAdd, onRemove }: Props) {
  const [draft, setDraft] = useState<SourceDraft>(blank)
  const [error, setError] = useState<string | null>(null)
  const set = (field: keyof SourceDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    try {
      checkSourceUrl(draft.url)
    } catch (problem) {
      setError((problem as Error).message)
      return
    }
    if (!draft.stance) {
      setError('Choose whether the source supports the claim, refutes it, or gives context.')
      return
    }
    setError(null)
    void onAdd(draft).then((done) => done && setDraft(blank()))
  }
  return (
    <section className="card-section" aria-labelledby="sources-heading">
      <h3 id="sources-heading">Sources</h3>
      {sources.length > 0 && (
        <ul className="sources" aria-label="Sources">
          {sources.map((source) => (
            <li key={source.id} className={`source source--${source.stance}`}>
              <div className="source-head">
                <span className="stance">{stanceLabels[source.stance]}</span>
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title || source.url}
                </a>
              </div>
              {source.excerpt && <blockquote className="excerpt">{source.excerpt}</blockquote>}
              <div className="source-meta">
                {source.accessedAt ? `Accessed ${formatDate(source.accessedAt)}` : 'Access date not recorded'}
                <button type="button" className="small" aria-label={`Remove source ${source.title || source.url}`} onClick={() => onRemove(source)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="source-form" onSubmit={submit} aria-label="Add a source" noValidate>
        <label>
          URL
          <input type="url" value={draft.url} onChange={set('url')} maxLength={fieldLimits.urlLength} placeholder="https://…" />
        </label>
        <label>
          Title
          <input value={draft.title} onChange={set('title')} maxLength={fieldLimits.sourceTitleLength} />
        </label>
        <label>
          Excerpt
          <textarea value={draft.excerpt} onChange={set('excerpt')} maxLength={fieldLimits.excerptLength} rows={2} />
        </label>
        <div className="source-row">
          <label>
            Stance
            <select value={draft.stance} onChange={set('stance')} aria-required="true">
              <option value="" disabled>
                Choose…
              </option>
              {stances.map((stance) => (
                <option key={stance} value={stance}>
                  {stanceLabels[stance]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Accessed
            <input type="date" value={draft.accessedAt} onChange={set('accessedAt')} />
          </label>
          <button type="submit">Add source</button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
