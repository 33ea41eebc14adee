/** Claim assist: act on the suggestion that has focus in the Suggestions list, or go to the list. */
import { acceptSuggestion, dismissSuggestion } from '../assist/actions'
import type { Desk } from '../desk/Desk'
import { command } from './command'

const focused = (desk: Desk) => !!desk.suggestion.get()

export const assistCommands = [
  command({
    id: 'suggestion.list',
    label: 'Go to suggestions',
    hint: 'Move to the list of sentences most worth checking (with no claim open)',
    keys: ['Alt-g'],
    when: (desk) => !!desk.document.get() && !desk.selectedId.get(),
    run: (desk) => desk.focus('suggestions')
  }),
  command({
    id: 'suggestion.accept',
    label: 'Accept suggestion',
    hint: 'Mark the suggestion with focus as a claim',
    keys: ['a'],
    when: focused,
    run: (desk) => {
      const suggestion = desk.suggestion.get()
      if (suggestion) return acceptSuggestion(desk, suggestion)
    }
  }),
  command({
    id: 'suggestion.dismiss',
    label: 'Dismiss suggestion',
    hint: 'Stop suggesting the sentence with focus in this document',
    keys: ['x'],
    when: focused,
    run: (desk) => {
      const suggestion = desk.suggestion.get()
      if (suggestion) return dismissSuggestion(desk, suggestion)
    }
  })
]
