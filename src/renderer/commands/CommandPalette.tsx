/**
 * The command palette (Ctrl/Cmd+Shift+P): every command in the table, found
 * by typing part of its name; those that do not apply now are left out.
 */
import { useMemo, useState, type KeyboardEvent } from 'react'
import { commands } from '.'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { useModal } from '../dialog/useModal'
import { shownKeys } from './keys'

export function CommandPalette() {
  const desk = useDesk()
  const open = useValue(desk.dialog) === 'palette'
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)

  const dialog = useModal(open, () => {
    setQuery('')
    setActive(0)
  })

  const shown = useMemo(() => {
    if (!open) return []
    const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean)
    return commands.filter(
      (command) => command.id !== 'app.palette' && command.when(desk) && words.every((word) => command.label.toLocaleLowerCase().includes(word))
    )
  }, [desk, open, query])

  const run = (index: number) => {
    const command = shown[index]
    if (!command) return
    desk.dialog.set(null)
    void command.run(desk)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((n) => Math.min(shown.length - 1, n + 1))
    else if (event.key === 'ArrowUp') setActive((n) => Math.max(0, n - 1))
    else if (event.key === 'Enter') run(active)
    else return
    event.preventDefault()
  }

  return (
    <dialog ref={dialog} className="import-dialog palette" aria-label="Command palette" onClose={() => desk.dialog.get() === 'palette' && desk.dialog.set(null)}>
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={shown[active] ? `palette-${shown[active].id}` : undefined}
        placeholder="Type a command…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands">
        {shown.map((command, i) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(i)}
          >
            <span>{command.label}</span>
            {command.keys && <kbd aria-hidden="true">{shownKeys(command.keys)}</kbd>}
          </li>
        ))}
        {shown.length === 0 && <li className="empty">No command matches.</li>}
      </ul>
    </dialog>
  )
}
