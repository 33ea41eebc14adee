/** A claim's tags: chips to remove, and a field that autocompletes from the tags already used. */
import { useState, type FormEvent } from 'react'
import { fieldLimits } from '../../shared/fields'

interface Props {
  tags: readonly string[]
  known: readonly string[]
  onChange(tags: string[]): void
}

export function TagEditor({ tags, known, onChange }: Props) {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = (event: FormEvent) => {
    event.preventDefault()
    const tag = draft.trim()
    if (!tag) {
      setError('A tag cannot be empty or only white space.')
      return
    }
    setError(null)
    setDraft('')
    // One tag whatever its case: the spelling already in use wins.
    const same = (other: string) => other.toLocaleLowerCase() === tag.toLocaleLowerCase()
    if (!tags.some(same)) onChange([...tags, known.find(same) ?? tag])
  }
  return (
    <div className="tag-editor">
      <span className="field" aria-hidden="true">
        Tags
      </span>
      <ul className="tags" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" className="link" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="inline-form">
        <input
          aria-label="Add tag"
          placeholder="Add tag…"
          list="known-tags"
          value={draft}
          maxLength={fieldLimits.tagLength}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id="known-tags">
          {known.filter((tag) => !tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())).map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit">Add</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
