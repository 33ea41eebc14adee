/**
 * The window's layout: how wide the library and claims panes are, how tall
 * the claims list is above the card, and which panes are hidden. Remembered
 * between sessions.
 */
import { Value } from '../desk/value'

export interface Layout {
  library: number
  claims: number
  /** The claims list's height above the card, in pixels. */
  list: number
  libraryHidden: boolean
  claimsHidden: boolean
}

const KEY = 'factmark-layout'

export const paneLimits = {
  library: { min: 160, max: 480 },
  claims: { min: 280, max: 1100 },
  list: { min: 120, max: 1200 }
}

/**
 * Wider screens give the panes more: the article keeps a readable measure, the panes take the
 * rest; from 1800 px the claims pane is wide enough to give the card its own column.
 */
function defaults(): Layout {
  const width = typeof window === 'undefined' ? 1440 : window.innerWidth
  return {
    library: width >= 1800 ? 260 : width >= 1300 ? 250 : 180,
    claims: width >= 1800 ? Math.min(paneLimits.claims.max, width - 260 - 960) : width >= 1300 ? 400 : 320,
    list: 440,
    libraryHidden: false,
    claimsHidden: false
  }
}

function load(): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Layout> | null
    return { ...defaults(), ...(saved ?? {}) }
  } catch {
    return defaults()
  }
}

export const layout = new Value<Layout>(load())
layout.subscribe(() => localStorage.setItem(KEY, JSON.stringify(layout.get())))
