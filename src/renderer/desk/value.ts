/**
 * A value components watch: the desk's view state is a handful of these, so
 * a change re-renders only the components that read it (not the whole app).
 */
import { useSyncExternalStore } from 'react'

export class Value<T> {
  private listeners = new Set<() => void>()
  constructor(private current: T) {}

  get(): T {
    return this.current
  }

  set(next: T): void {
    if (Object.is(next, this.current)) return
    this.current = next
    for (const listener of [...this.listeners]) listener()
  }

  update(change: (current: T) => T): void {
    this.set(change(this.current))
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Reads a value and re-renders when it changes. */
export function useValue<T>(value: { get(): T; subscribe(listener: () => void): () => void }): T {
  return useSyncExternalStore(value.subscribe, () => value.get())
}
