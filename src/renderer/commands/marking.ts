/** Commands on the article's text: select a sentence, mark a claim. */
import { markClaim } from '../claims/actions'
import { command } from './command'

export const markingCommands = [
  command({
    id: 'article.sentence',
    label: 'Select sentence',
    hint: 'Select the whole sentence at the caret (or double-click it)',
    keys: ['Alt-s'],
    places: ['marking'],
    when: (desk) => !!desk.document.get(),
    run: (desk) => {
      if (!desk.article?.snapToSentence()) desk.say('Put the caret in a sentence first.')
    }
  }),
  command({
    id: 'claim.mark',
    label: 'Mark as claim',
    hint: 'Mark the selected words as a claim',
    keys: ['Mod-Enter'],
    places: ['marking'],
    tone: 'primary',
    when: (desk) => !!desk.document.get(),
    run: (desk) => markClaim(desk)
  })
]
