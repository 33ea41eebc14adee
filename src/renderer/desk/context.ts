/** The desk, handed to every component below the layout. */
import { createContext, useContext } from 'react'
import type { Desk } from './Desk'

export const DeskContext = createContext<Desk | null>(null)

export function useDesk(): Desk {
  const desk = useContext(DeskContext)
  if (!desk) throw new Error('useDesk is used outside the desk')
  return desk
}
