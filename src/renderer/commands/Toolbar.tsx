/**
 * The reader's toolbar, drawn from the command table: the marking commands
 * always in view, the document's commands beside them, folded into a "More"
 * menu when the reader is narrow (a container query decides, in CSS).
 */
import { useRef, useState } from 'react'
import { commands } from '.'
import { CommandButton } from './CommandButton'
import { Menu } from './Menu'

const inPlace = (place: 'marking' | 'document') => commands.filter((command) => command.places?.includes(place))

export function Toolbar() {
  const [folded, setFolded] = useState<{ x: number; y: number } | null>(null)
  const more = useRef<HTMLButtonElement>(null)
  const document = inPlace('document')
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Article actions">
      <div className="toolbar-group">
        {inPlace('marking').map((command) => (
          <CommandButton key={command.id} command={command} />
        ))}
      </div>
      <div className="toolbar-group toolbar-group--document">
        {document.map((command) => (
          <CommandButton key={command.id} command={command} />
        ))}
      </div>
      <button
        ref={more}
        type="button"
        className="toolbar-more"
        aria-haspopup="menu"
        aria-expanded={!!folded}
        onClick={() => {
          const box = more.current!.getBoundingClientRect()
          setFolded({ x: box.right, y: box.bottom + 4 })
        }}
      >
        More…
      </button>
      {folded && <Menu label="More document actions" commands={document} at={folded} alignEnd onClose={() => setFolded(null)} />}
    </div>
  )
}
