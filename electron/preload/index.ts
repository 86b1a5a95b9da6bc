/**
 * The only bridge between the page and the program: `window.api.invoke(name, input)` for the
 * operations of the contract, nothing else (any other name is refused here, before IPC), and
 * `window.api.printPdf()`, the page as its print style lays it out, as PDF bytes.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, isOperationName, PRINT_PDF_CHANNEL } from '../../db/core/contract';
import { bilingual } from '../../db/core/messages';

contextBridge.exposeInMainWorld('api', {
  invoke(name: unknown, input: unknown): Promise<unknown> {
    if (!isOperationName(name)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'UNKNOWN_OPERATION',
          message: bilingual('errors.unknownOperation', { name: String(name) }),
        },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
  },
  printPdf(): Promise<Uint8Array> {
    return ipcRenderer.invoke(PRINT_PDF_CHANNEL);
  },
});
