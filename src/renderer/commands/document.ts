/** Commands on the open document: a new version, its details, export, delete. */
import type { Desk } from '../desk/Desk'
import { command } from './command'

const open = (desk: Desk) => !!desk.document.get()

export const documentCommands = [
  command({
    id: 'document.newVersion',
    label: 'New version…',
    hint: 'Import a corrected or updated version of this article',
    places: ['document'],
    when: open,
    run: (desk) => desk.dialog.set('newVersion')
  }),
  command({
    id: 'document.details',
    label: 'Edit details…',
    hint: 'Correct the title, address, publisher, author, date or language',
    places: ['document'],
    when: open,
    run: (desk) => desk.dialog.set('details')
  }),
  command({
    id: 'document.publishing',
    label: 'Publishing…',
    hint: 'The organisation, this fact-check’s conclusion and publication address, and how the desk rates',
    places: ['document'],
    when: open,
    run: (desk) => desk.dialog.set('publishing')
  }),
  command({
    id: 'document.export',
    label: 'Export…',
    hint: 'Export a report of this document',
    places: ['document'],
    when: open,
    run: (desk) => desk.dialog.set('export')
  }),
  command({
    id: 'document.delete',
    label: 'Delete document…',
    places: ['document'],
    tone: 'danger',
    when: open,
    run: (desk) => desk.dialog.set('deleteDocument')
  })
]
