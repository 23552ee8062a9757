import { app } from 'electron';
import { join } from 'node:path';
import { openCore } from '../core/core';
import { getSettings } from '../core/settings/service';
import { guardSession, guardWebContents } from './app/guards';
import { installMenu } from './app/menu';
import { registerAppScheme, serveRenderer } from './app/protocol';
import { createMainWindow, preloadPath } from './app/window';
import { registerIpc } from './ipc/router';
import { electronNativeBinding } from './native-binding';

// Composition root: wire the hardened shell to core. Everything with logic lives elsewhere.
const distDir = join(__dirname, '..');
const appRoot = join(distDir, '..');

if (!app.requestSingleInstanceLock()) app.quit();
else {
  registerAppScheme();
  guardWebContents();
  app.whenReady().then(() => {
    guardSession();
    serveRenderer(join(distDir, 'renderer'));
    const core = openCore({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      nativeBinding: electronNativeBinding(appRoot, app.isPackaged),
    });
    const menu = () => installMenu(getSettings(core).locale, process.platform === 'darwin');
    menu();
    registerIpc(core, (channel) => channel === 'settings:update' && menu());
    const open = () =>
      createMainWindow({ preload: preloadPath(distDir), stateFile: join(core.dataDir, 'window-state.json'), title: 'ADSG Workbench' });
    let win = open();
    app.on('second-instance', () => {
      if (win.isDestroyed()) win = open();
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', () => core.close());
  }, (error: unknown) => {
    console.error('[adsg] start-up failed', error);
    app.exit(1);
  });
}
