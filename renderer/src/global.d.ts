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
    /** Exposed by the preload (desktop) or the web client (browser): one function per contract channel. */
    api: Api;
    /** Events from the host and dropped-file paths (preload, or the web client, which knows no paths). */
    host: Host;
  }
}
