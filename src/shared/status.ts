/**
 * The verdict vocabulary, defined once. The highlight, the claims pane and the
 * report all take their label, colour and icon from here, so a verdict looks
 * the same everywhere; the icon is the second cue for colour-blind readers.
 */
export const statuses = [
  'unverified',
  'in_progress',
  'verified',
  'disputed',
  'false',
  'misleading',
  'unverifiable'
] as const

export type Status = (typeof statuses)[number]

export interface StatusStyle {
  label: string
  /** Highlight and badge colour; readable under dark text. */
  colour: string
  /** A one-character symbol shown beside the label. */
  icon: string
}

export const statusStyles: Record<Status, StatusStyle> = {
  unverified: { label: 'Unverified', colour: '#e3e3de', icon: '○' },
  in_progress: { label: 'In progress', colour: '#cfe0fb', icon: '◔' },
  verified: { label: 'Verified', colour: '#c6ebc9', icon: '✓' },
  disputed: { label: 'Disputed', colour: '#fde2a6', icon: '⚖' },
  false: { label: 'False', colour: '#f8c4c0', icon: '✗' },
  misleading: { label: 'Misleading', colour: '#f3cdf0', icon: '⚠' },
  // Unlike Unverified (grey, an empty circle: not checked yet), a slate-blue strike-through
  // circle: checked, and cannot be settled.
  unverifiable: { label: 'Unverifiable', colour: '#c9cde8', icon: '⊘' }
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (statuses as readonly string[]).includes(value)
}
