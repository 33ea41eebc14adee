/**
 * Keys for commands, in ProseMirror's notation, turned into a keymap for the
 * article, one window-wide handler, and how a key reads to people
 * (aria-keyshortcuts, tooltips).
 */
import { keydownHandler } from 'prosemirror-keymap'
import type { Desk } from '../desk/Desk'
import type { Command } from './command'

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The bindings for a keymap: each key runs the first command that applies. */
export function bindings(commands: readonly Command[], desk: Desk, filter: (command: Command) => boolean = () => true) {
  const map: Record<string, () => boolean> = {}
  const byKey = new Map<string, Command[]>()
  for (const command of commands) {
    if (!filter(command)) continue
    for (const key of command.keys ?? []) byKey.set(key, [...(byKey.get(key) ?? []), command])
  }
  for (const [key, list] of byKey) {
    map[key] = () => {
      const chosen = list.find((command) => command.when(desk))
      if (!chosen) return false
      void chosen.run(desk)
      return true
    }
  }
  return map
}

/** True when the key would type into the focused element. */
export function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('[aria-readonly="true"]')) return false
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(target.type)
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The window-wide handler: runs the command bound to a key, unless something
 * nearer (the article's keymap, a text field, an open dialog) has it.
 */
export function windowKeys(commands: readonly Command[], desk: Desk): (event: KeyboardEvent) => void {
  const everywhere = keydownHandler(bindings(commands, desk, (command) => !!command.anywhere))
  const outsideText = keydownHandler(bindings(commands, desk))
  // keydownHandler passes a view to the bindings; ours ignore it.
  const noView = {} as Parameters<typeof everywhere>[0]
  return (event) => {
    if (event.defaultPrevented) return
    if (document.querySelector('dialog[open]') && !event.ctrlKey && !event.metaKey) return
    const handled = typesText(event.target) ? everywhere(noView, event) : outsideText(noView, event)
    if (handled) event.preventDefault()
  }
}

const names: Record<string, [aria: string, shown: string]> = {
  Mod: mac ? ['Meta', '⌘'] : ['Control', 'Ctrl'],
  Alt: ['Alt', mac ? '⌥' : 'Alt'],
  Shift: ['Shift', 'Shift'],
  ArrowUp: ['ArrowUp', '↑'],
  ArrowDown: ['ArrowDown', '↓'],
  Delete: ['Delete', 'Del'],
  Escape: ['Escape', 'Esc']
}

const parts = (key: string) => key.split(/-(?!$)/)

/** "Mod-Shift-p" → "Control+Shift+P" for aria-keyshortcuts. */
export function ariaKeys(keys: readonly string[] = []): string | undefined {
  if (!keys.length) return undefined
  return keys.map((key) => parts(key).map((part) => names[part]?.[0] ?? (part.length === 1 ? part.toUpperCase() : part)).join('+')).join(' ')
}

/** "Mod-Shift-p" → "Ctrl+Shift+P" to show. */
export function shownKeys(keys: readonly string[] = []): string {
  return keys
    .slice(0, 1)
    .map((key) => parts(key).map((part) => names[part]?.[1] ?? (part.length === 1 ? part.toUpperCase() : part)).join('+'))
    .join('')
}
