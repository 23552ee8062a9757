import { escapeUnsafeDeep } from '../../../shared/domain/text';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ErrorPayload, Result } from '../../../shared/ipc/result';

/** A failed call, carrying the main side's error (message already in the user's language). */
export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

/**
 * What the screens get of a value from main: every control character and bidi override in its
 * strings shown as a visible escape (`\u202e`), line feeds and tabs kept. React already escapes
 * HTML; this is the app's one mechanism against text that reorders or hides what is around it
 * (a stored name from an older version, a file name, a foreign certificate's subject). It works on
 * the data, so every component, attribute, title and message shows the same safe text, and a
 * stray isolate character cannot break out of a wrapper the way it can out of a <bdi>.
 */
export function shown<T>(value: T): T {
  return escapeUnsafeDeep(value, '\n\t');
}

/** A Result as the screens take it: its value, {@link shown}, or an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  const safe = shown(result);
  if (!safe.ok) throw new ApiError(safe.error);
  return safe.value;
}

/** Calls a contract channel and unwraps its Result: resolves with the value or rejects with ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = window.api[channel] as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  return unwrap(await fn(input));
}
