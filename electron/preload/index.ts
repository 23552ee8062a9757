import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';

// One function per contract channel and nothing else: no Node, no generic send, no logic.
contextBridge.exposeInMainWorld(
  'api',
  Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])),
);
