import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/**
 * What the preload puts on `window.api`: one function per contract channel. The test bridge
 * implements the same shape over loopback HTTP.
 */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

/** `window.host`: the two things the renderer needs from its host besides requests. */
export interface Host {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The file-system path of a file dropped on the window (Electron's webUtils); null when unknown. */
  pathForFile(file: File): string | null;
}
