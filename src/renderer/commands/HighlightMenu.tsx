/** The menu on a claim's highlight: the commands placed there, for the selected claim. */
import { useCallback } from 'react'
import { commands } from '.'
import { useDesk } from '../desk/context'
import { useValue } from '../desk/value'
import { Menu } from './Menu'

const onHighlight = commands.filter((command) => command.places?.includes('highlight'))

export function HighlightMenu() {
  const desk = useDesk()
  const at = useValue(desk.menu)
  const claim = useValue(desk.selectedId) && desk.selectedClaim
  const close = useCallback(() => desk.menu.set(null), [desk])
  if (!at || !claim) return null
  return <Menu label={`Claim ${claim.number}`} commands={onHighlight} at={at} onClose={close} />
}
