/** A second launch of the desktop app: same library → focus; another library → the analyst is told. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { launchRequest, otherLibraryMessage, requestedDataDir } from './instance'

describe('a second launch', () => {
  it('sends its data directory resolved against its own working directory', () => {
    const request = launchRequest(['electron', '.', '--data-dir', 'cases/2026'], {})
    expect(request.dataDir).toBe(join(process.cwd(), 'cases', '2026'))
    expect(requestedDataDir(request, [], '/somewhere/else', {})).toBe(request.dataDir)
  })

  it('falls back to the command line it was started with, relative to its working directory', () => {
    expect(requestedDataDir(undefined, ['factmark', '--data-dir=cases/2026'], '/home/ana', {})).toBe('/home/ana/cases/2026')
    expect(requestedDataDir(null, ['factmark'], '/home/ana', { FACTMARK_DATA_DIR: '/srv/library' })).toBe('/srv/library')
  })

  it('with the open library: nothing to say (the window is focused)', () => {
    expect(otherLibraryMessage('/home/ana/.config/Factmark', '/home/ana/.config/Factmark/')).toBeNull()
  })

  it('with another library: says which is open and how to open the other', () => {
    const told = otherLibraryMessage('/home/ana/.config/Factmark', '/home/ana/cases/2026')
    expect(told?.message).toBe('Factmark is already open with another library')
    expect(told?.detail).toContain('/home/ana/.config/Factmark')
    expect(told?.detail).toContain('--data-dir "/home/ana/cases/2026"')
  })
})
