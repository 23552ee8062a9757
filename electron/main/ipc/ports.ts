import { type BrowserWindow, dialog } from 'electron';
import type { Ports } from '../../core/ports';
import { grantPath, isGranted } from './granted-paths';

/** Ports for requests from one window: events go back to it, dialogs are modal to it. */
export function windowPorts(win: BrowserWindow): Ports {
  return {
    emit: (event, payload) => {
      if (!win.isDestroyed()) win.webContents.send(event, payload);
    },
    pickFiles: async (options) => {
      const { filePaths } = await dialog.showOpenDialog(win, {
        properties: options?.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
        filters: options?.extensions ? [{ name: options.extensions.join(', '), extensions: options.extensions }] : [],
      });
      filePaths.forEach(grantPath);
      return filePaths;
    },
    isUserChosenPath: isGranted,
    saveFile: async (defaultPath, extensions) => {
      const r = await dialog.showSaveDialog(win, { defaultPath, filters: [{ name: extensions.join(', '), extensions }] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
