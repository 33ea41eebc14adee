/** The analyst's name, signed on notes and history rows; defaults to the OS user name. */
import { useEffect, useState } from 'react'
import type { ApiClient } from '../../shared/api'
import { fieldLimits } from '../../shared/fields'

export function AnalystName({ api, report }: { api: ApiClient; report(error: unknown): void }) {
  const [saved, setSaved] = useState('')
  const [draft, setDraft] = useState('')
  useEffect(() => {
    api.getSettings({}).then((settings) => {
      setSaved(settings.analystName)
      setDraft(settings.analystName)
    }, report)
  }, [api, report])
  const save = () => {
    const name = draft.trim()
    if (name === saved) return
    api.setSettings({ analystName: name || null }).then((settings) => {
      setSaved(settings.analystName)
      setDraft(settings.analystName)
    }, report)
  }
  return (
    <label className="analyst">
      <span>Analyst</span>
      <input
        value={draft}
        maxLength={fieldLimits.analystNameLength}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
        aria-label="Analyst name"
        size={12}
      />
    </label>
  )
}
