/**
 * The table of commands. A command added here appears in the command palette,
 * gets its keys (window and article), and shows in the places it names
 * (toolbar, highlight menu, library). Other issues add their files here.
 */
import { appCommands, viewCommands } from './app'
import { assistCommands } from './assist'
import { claimCommands } from './claim'
import type { Command } from './command'
import { documentCommands } from './document'
import { markingCommands } from './marking'

export const commands: readonly Command[] = [...markingCommands, ...claimCommands, ...assistCommands, ...documentCommands, ...appCommands, ...viewCommands]

export function commandById(id: string): Command {
  const found = commands.find((command) => command.id === id)
  if (!found) throw new Error(`No command ${id}`)
  return found
}
