/** A command as a button: its label, keys (aria-keyshortcuts and tooltip), and whether it applies now. */
import { useDesk } from '../desk/context'
import type { Command } from './command'
import { ariaKeys, shownKeys } from './keys'

export function CommandButton({ command, role }: { command: Command; role?: 'menuitem' }) {
  const desk = useDesk()
  const keys = shownKeys(command.keys)
  return (
    <button
      type="button"
      role={role}
      className={command.tone}
      // Keep the article's selection: marking reads it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void command.run(desk)}
      aria-keyshortcuts={ariaKeys(command.keys)}
      title={[command.hint, keys && `(${keys})`].filter(Boolean).join(' ') || undefined}
    >
      {command.label}
    </button>
  )
}
