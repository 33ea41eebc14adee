/**
 * The analyst's full name, which signs notes, history rows and reports: asked
 * on first run (the OS account name only pre-fills the question), then shown
 * and changed in the top bar. Until it is given, the library signs as an
 * unnamed analyst and the top bar asks for it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { ApiClient } from '../../shared/api'
import { fieldLimits } from '../../shared/fields'
import type { Settings } from '../../shared/model'
import { DialogFooter } from '../dialog/DialogFooter'
import { useModal } from '../dialog/useModal'
import { useTask } from '../dialog/useTask'

export function AnalystName({ api, report }: { api: ApiClient; report(error: unknown): void }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [draft, setDraft] = useState('')
  // "Later" on first run: asked again at the next start.
  const [later, setLater] = useState(false)
  const saved = (next: Settings) => {
    setSettings(next)
    setDraft(next.analystName ?? '')
  }
  useEffect(() => {
    api.getSettings({}).then(saved, report)
  }, [api, report])

  const save = () => {
    const name = draft.trim()
    if (!settings || name === (settings.analystName ?? '')) return
    api.setSettings({ analystName: name || null }).then(saved, report)
  }
  return (
    <>
      <label className="analyst">
        <span>Analyst</span>
        <input
          value={draft}
          placeholder="Your full name"
          maxLength={fieldLimits.analystNameLength}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && save()}
          aria-label="Analyst name"
          size={12}
        />
      </label>
      <FirstRunDialog
        open={settings !== null && settings.analystName === null && !later}
        accountName={settings?.accountName ?? ''}
        onSave={async (name) => saved(await api.setSettings({ analystName: name }))}
        onLater={() => setLater(true)}
      />
    </>
  )
}

interface FirstRunProps {
  open: boolean
  accountName: string
  onSave(name: string): Promise<void>
  onLater(): void
}

function FirstRunDialog({ open, accountName, onSave, onLater }: FirstRunProps) {
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState('')
  const { busy, error, run } = useTask()
  const dialog = useModal(open, () => {
    setName(accountName)
    // The account name is only a suggestion: typing replaces it.
    requestAnimationFrame(() => input.current?.select())
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(() => onSave(name.trim()))
  }

  return (
    <dialog ref={dialog} className="import-dialog first-run-dialog" aria-labelledby="first-run-title" aria-describedby="first-run-why" onClose={onLater}>
      <form onSubmit={submit}>
        <h2 id="first-run-title">Welcome to Factmark</h2>
        <p id="first-run-why" className="hint">
          Your full name signs the claims, notes and history you write and the reports you export. You can change it later in the top bar.
        </p>
        <label className="field">
          Your full name
          <input ref={input} required value={name} maxLength={fieldLimits.analystNameLength} onChange={(e) => setName(e.target.value)} />
        </label>
        <DialogFooter error={error} busy={busy} submitLabel="Continue" cancelLabel="Later" onCancel={onLater} />
      </form>
    </dialog>
  )
}
