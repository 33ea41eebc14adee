/**
 * The Electron transport: one IPC channel that carries every operation of
 * the contract. The operation name and input are validated by `dispatch`,
 * and only the app's own top frame may call.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiHandlers } from '../../shared/api'
import type { Outcome } from '../../shared/errors'
import { dispatchAsync } from '../operations/dispatch'

export const API_CHANNEL = 'factmark:call'

export function bindApi(handlers: ApiHandlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(API_CHANNEL, async (event, name: unknown, input: unknown): Promise<Outcome<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This frame may not call Factmark.' } }
    }
    return dispatchAsync(handlers, name, input)
  })
}
