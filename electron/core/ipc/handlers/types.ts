import type { Channel, ChannelOutput, Contract } from '../../../../shared/ipc/contract';
import type { z } from 'zod';
import type { Core } from '../../core';
import type { Ports } from '../../ports';

/** A handler gets the parsed (defaults filled) input and returns the channel's output. */
export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  core: Core,
  ports: Ports,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel of a domain; the router demands the union covers every channel. */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
