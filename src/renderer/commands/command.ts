/**
 * A command: something the analyst can do, named once. The toolbar, the
 * keyboard shortcuts (window and article), the context menu on highlights and
 * the command palette are all drawn from the table of commands (commands/index.ts).
 */
import type { Desk } from '../desk/Desk'

/** Where a command shows besides the palette (every command is in the palette). */
export type Place =
  /** The reader's toolbar, marking group: always in view. */
  | 'marking'
  /** The reader's toolbar, document group: folds into a menu in a narrow window. */
  | 'document'
  /** The menu on a claim's highlight (right-click, or the Menu key). */
  | 'highlight'
  /** The library pane's header. */
  | 'library'

export interface Command {
  /** Unique, dotted: "claim.mark". */
  id: string
  /** The label on buttons and menu items, and the palette entry. */
  label: string
  /** A longer explanation for the tooltip. */
  hint?: string
  /** Keys in ProseMirror's notation ("Mod-Enter", "Alt-ArrowDown", "3"). */
  keys?: readonly string[]
  /**
   * Keys that type (a digit, a letter, Delete, undo) are left to text fields
   * when one has focus; `anywhere` commands (Ctrl+O, Ctrl+K) act there too.
   */
  anywhere?: boolean
  places?: readonly Place[]
  /** Buttons styled as the main action, or as a dangerous one. */
  tone?: 'primary' | 'danger'
  /** Whether the command applies now; shown disabled (or left out of menus) when not. */
  when(desk: Desk): boolean
  run(desk: Desk): void | Promise<void>
}

/** Declares a command (typed, and a place to hang shared defaults). */
export const command = (spec: Command): Command => spec
