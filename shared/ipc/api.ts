import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Result } from './result';

/**
 * What the preload puts on `window.api`: one function per contract channel. The test bridge
 * implements the same shape over loopback HTTP.
 */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
