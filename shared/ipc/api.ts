import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Result } from './result';

/**
 * What the preload puts on `window.api`: one function per contract channel. In the browser the
 * web client implements the same shape over the web host's loopback HTTP API.
 */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
