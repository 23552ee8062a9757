import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { DROPPED_PATH_CHANNEL, EVENT_NAMES } from '../../shared/ipc/events';

// One function per contract channel and nothing else: no Node, no generic send, no logic.
contextBridge.exposeInMainWorld(
  'api',
  Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])),
);

// Events are limited to the declared names; the listener never sees Electron's event object.
contextBridge.exposeInMainWorld('host', {
  on(event: string, listener: (payload: unknown) => void) {
    if (!(EVENT_NAMES as string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  // Only a real dropped File has a path; main accepts evidence paths it heard about this way.
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    if (path) ipcRenderer.send(DROPPED_PATH_CHANNEL, path);
    return path || null;
  },
});
