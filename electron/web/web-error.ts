import type { ErrorCode } from '../../shared/ipc/result';
import type { TextParams } from '../../shared/i18n/format';
import type { WebMessageKey } from '../../shared/i18n/web-messages';

/** A request the web host refuses: its HTTP status, the Result code the page sees, and the message. */
export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly key: WebMessageKey,
    readonly params: TextParams = {},
  ) {
    super(key);
    this.name = 'WebError';
  }
}
