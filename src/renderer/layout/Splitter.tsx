/**
 * A handle between two panes: drag it, or focus it and use the arrow keys, to
 * resize; Enter (or a double-click) hides and shows the pane. A separator to
 * assistive technology, with its size as the value.
 */
import type { KeyboardEvent, PointerEvent } from 'react'
import { useValue } from '../desk/value'
import { layout, paneLimits, type Layout } from './layout'

interface Props {
  pane: 'library' | 'claims' | 'list'
  label: string
  /** Which way the pane grows as the pointer moves right (or down): +1 or -1. */
  direction: 1 | -1
  orientation: 'vertical' | 'horizontal'
}

const hiddenKey = { library: 'libraryHidden', claims: 'claimsHidden', list: null } as const

export function Splitter({ pane, label, direction, orientation }: Props) {
  const current = useValue(layout)
  const size = current[pane]
  const { min, max } = paneLimits[pane]
  const hide = hiddenKey[pane]
  const set = (value: number) => layout.update((l) => ({ ...l, [pane]: Math.round(Math.min(max, Math.max(min, value))) }))
  const toggle = () => hide && layout.update((l) => ({ ...l, [hide]: !l[hide] }) as Layout)

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault()
    const start = orientation === 'vertical' ? event.clientX : event.clientY
    const from = size
    const target = event.currentTarget
    target.setPointerCapture(event.pointerId)
    const move = (e: globalThis.PointerEvent) => set(from + direction * ((orientation === 'vertical' ? e.clientX : e.clientY) - start))
    const up = () => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16
    const grow: Record<string, number> = orientation === 'vertical' ? { ArrowRight: direction, ArrowLeft: -direction } : { ArrowDown: direction, ArrowUp: -direction }
    const sign = grow[event.key]
    if (sign) set(size + sign * step)
    else if (event.key === 'Home') set(min)
    else if (event.key === 'End') set(max)
    else if (event.key === 'Enter') toggle()
    else return
    event.preventDefault()
  }
  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onDoubleClick={toggle}
      onKeyDown={onKeyDown}
    />
  )
}
