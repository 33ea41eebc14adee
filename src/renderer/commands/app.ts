/** Commands of the whole window: the palette, import, search, undo and redo. */
import { redo, undo } from '../claims/actions'
import { layout } from '../layout/layout'
import { command } from './command'

export const appCommands = [
  command({
    id: 'app.palette',
    label: 'Command palette…',
    hint: 'Find any command by name',
    keys: ['Mod-Shift-p'],
    anywhere: true,
    when: () => true,
    run: (desk) => desk.dialog.set('palette')
  }),
  command({
    id: 'app.import',
    label: 'Import…',
    hint: 'Import an article: paste it, give its address, or choose a file',
    keys: ['Mod-o'],
    anywhere: true,
    places: ['library'],
    tone: 'primary',
    when: () => true,
    run: (desk) => desk.dialog.set('import')
  }),
  command({
    id: 'app.search',
    label: 'Search all documents',
    keys: ['Mod-k'],
    anywhere: true,
    when: () => true,
    run: (desk) => desk.focus('search')
  }),
  command({
    id: 'app.undo',
    label: 'Undo',
    keys: ['Mod-z'],
    when: () => true,
    run: (desk) => undo(desk)
  }),
  command({
    id: 'app.redo',
    label: 'Redo',
    keys: ['Shift-Mod-z', 'Mod-y'],
    when: () => true,
    run: (desk) => redo(desk)
  })
]

/** Showing and hiding the panes (also: Enter or a double-click on a pane's edge). */
export const viewCommands = [
  command({
    id: 'view.library',
    label: 'Show or hide the library',
    when: () => true,
    run: () => layout.update((l) => ({ ...l, libraryHidden: !l.libraryHidden }))
  }),
  command({
    id: 'view.claims',
    label: 'Show or hide the claims pane',
    when: () => true,
    run: () => layout.update((l) => ({ ...l, claimsHidden: !l.claimsHidden }))
  })
]
