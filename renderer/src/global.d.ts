import type { Api } from '../../shared/ipc/api';
import type { EventName, EventPayload } from '../../shared/ipc/events';

/** `window.host`: the two things the renderer needs from its host besides requests. */
interface Host {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The file-system path of a file dropped on the window (Electron's webUtils); null when unknown. */
  pathForFile(file: File): string | null;
}

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e test bridge): one function per contract channel. */
    api: Api;
    /** Events from main and dropped-file paths (preload or the e2e test bridge). */
    host: Host;
  }
}
