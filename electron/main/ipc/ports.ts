import { type BrowserWindow, dialog } from 'electron';
import type { Ports } from '../../core/ports';

/** Ports for requests from one window: events go back to it, dialogs are modal to it. */
export function windowPorts(win: BrowserWindow): Ports {
  return {
    emit: (event, payload) => {
      if (!win.isDestroyed()) win.webContents.send(event, payload);
    },
    pickFiles: async (options) =>
      (
        await dialog.showOpenDialog(win, {
          properties: options?.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
          filters: options?.extensions ? [{ name: options.extensions.join(', '), extensions: options.extensions }] : [],
        })
      ).filePaths,
    saveFile: async (defaultPath, extensions) => {
      const r = await dialog.showSaveDialog(win, { defaultPath, filters: [{ name: extensions.join(', '), extensions }] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
