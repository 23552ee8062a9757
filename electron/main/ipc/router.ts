import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { DROPPED_PATH_CHANNEL } from '../../../shared/ipc/events';
import { fail } from '../../../shared/ipc/result';
import type { Core } from '../../core/core';
import { dispatch } from '../../core/ipc/dispatch';
import { APP_ORIGIN } from '../app/protocol';
import { grantPath } from './granted-paths';
import { windowPorts } from './ports';

/** Only our own top-level page may call in: not another origin, not a subframe. */
function fromOwnPage(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Registers every contract channel with the shared dispatcher. `after` runs once a call
 * succeeded (main uses it to rebuild the menu when the language changes).
 */
export function registerIpc(core: Core, after: (channel: Channel) => void): void {
  // The preload reports the path of each file really dropped on the window (see granted-paths.ts).
  ipcMain.on(DROPPED_PATH_CHANNEL, (event, path: unknown) => {
    if (fromOwnPage(event)) grantPath(path);
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const win = BrowserWindow.fromWebContents(event.sender);
      if (!win || !fromOwnPage(event)) return fail({ code: 'forbidden', message: 'forbidden' });
      const result = await dispatch(core, channel, input, windowPorts(win));
      if (result.ok) after(channel);
      return result;
    });
  }
}
