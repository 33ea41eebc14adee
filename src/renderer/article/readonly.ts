/**
 * The article's text is read-only but keeps a caret, so the analyst can move
 * and select with the keyboard. Edits are refused at the source (beforeinput,
 * paste, drop) and, as a backstop, any transaction that would change the
 * document is filtered out.
 */
import { Plugin } from 'prosemirror-state'

export function readOnlyText(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault()
          return true
        }
      },
      attributes: {
        'aria-readonly': 'true',
        'aria-label': 'Article text',
        role: 'textbox',
        'aria-multiline': 'true',
        spellcheck: 'false',
        inputmode: 'none',
        class: 'article-text'
      }
    }
  })
}
