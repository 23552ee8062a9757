import { acceptsFileName } from '../../shared/ipc/file-channels';
import type { Ports } from '../core/ports';
import type { Downloads } from './downloads';
import type { EventHub } from './event-hub';
import type { Upload, Uploads } from './uploads';

/**
 * Ports for one call from the page. There are no dialogs: "pick files" answers with the files
 * the page uploaded for this call (each once), "save as" with a fresh path in the temp area that
 * becomes a download, and the only paths core may read for the page are those uploads (which is
 * also why evidence may come from this one folder inside the data folder).
 */
export function callPorts(hub: EventHub, uploads: readonly Upload[], store: { uploads: Uploads; downloads: Downloads }, reserved: string[]): Ports {
  const unread = [...uploads];
  return {
    emit: (event, payload) => hub.emit(event, payload),
    pickFiles: async (options) => {
      const picked = unread.splice(0, options?.multiple === false ? 1 : unread.length);
      return picked.filter((u) => acceptsFileName(options?.extensions ?? null, u.name)).map((u) => u.path);
    },
    saveFile: async (suggestedName) => {
      const path = await store.downloads.reserve(suggestedName);
      reserved.push(path);
      return path;
    },
    isUserChosenPath: (path) => uploads.some((u) => u.path === path),
    uploadsFolder: store.uploads.root,
  };
}
