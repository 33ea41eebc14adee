/**
 * A menu of commands at a point (the highlight menu, the folded toolbar):
 * arrow keys move, Enter runs, Escape or a click elsewhere closes, and focus
 * goes back where it was.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useDesk } from '../desk/context'
import type { Command } from './command'
import { shownKeys } from './keys'

interface Props {
  label: string
  commands: readonly Command[]
  at: { x: number; y: number }
  /** Open leftwards from the point (a button at the window's right edge). */
  alignEnd?: boolean
  onClose(): void
}

export function Menu({ label, commands, at, alignEnd, onClose }: Props) {
  const desk = useDesk()
  const menu = useRef<HTMLDivElement>(null)
  const shown = commands.filter((command) => command.when(desk))
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', away)
    return () => {
      document.removeEventListener('pointerdown', away)
      if (before?.isConnected) before.focus()
    }
  }, [onClose])
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const move = (index: number) => items[(index + items.length) % items.length]?.focus()
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(items.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') onClose()
    else return
    event.preventDefault()
    event.stopPropagation()
  }
  const style = alignEnd ? { top: at.y, right: window.innerWidth - at.x } : { top: at.y, left: at.x }
  return (
    <div ref={menu} className="menu" role="menu" aria-label={label} style={style} onKeyDown={onKeyDown}>
      {shown.map((command) => (
        <button
          key={command.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={command.tone}
          onClick={() => {
            onClose()
            void command.run(desk)
          }}
        >
          <span>{command.label}</span>
          {command.keys && <kbd aria-hidden="true">{shownKeys(command.keys)}</kbd>}
        </button>
      ))}
    </div>
  )
}
