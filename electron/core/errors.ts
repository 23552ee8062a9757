import { type ErrorCode, type Issue } from '../../shared/ipc/result';
import type { TextParams } from '../../shared/i18n/format';
import { type MessageKey } from '../../shared/i18n/messages';

/**
 * The one exception type core throws for problems a user can act on. It carries a catalogue
 * key, not text, so each door (IPC, CLI) renders it in its user's language (a parameter may itself
 * be bilingual, e.g. a detail that names what an integrity check found).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: TextParams = {},
    readonly issues?: readonly { path: string; key: string; params?: Record<string, string> }[],
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
  }
}

/** Issues already localised, as they travel in a Result's details. */
export type LocalisedIssues = Issue[];
