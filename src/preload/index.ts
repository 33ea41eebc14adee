/**
 * The preload's one job: expose a single `factmark.call` to the renderer.
 * Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'

contextBridge.exposeInMainWorld('factmark', {
  call: (operation: string, input: unknown): Promise<unknown> => {
    if (typeof operation !== 'string') return Promise.reject(new TypeError('operation must be a string'))
    return ipcRenderer.invoke('factmark:call', operation, input)
  }
})
