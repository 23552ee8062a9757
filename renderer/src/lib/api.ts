import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ErrorPayload } from '../../../shared/ipc/result';

/** A failed call, carrying the main side's error (message already in the user's language). */
export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

/** Calls a contract channel and unwraps its Result: resolves with the value or rejects with ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = window.api[channel] as (i: ChannelInput<C>) => Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorPayload }>;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
