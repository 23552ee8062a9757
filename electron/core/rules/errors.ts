import type { Locale } from '../../../shared/i18n/locale';
import type { ErrorCode } from '../../../shared/ipc/result';
import { RULES_MESSAGES, formatText, type RulesMessageKey, type TextParams } from '../../../shared/rules/messages';
import { describeProblem, type PackProblem } from '../../../shared/rules/problems';

/** Why a pack could not be built, loaded or installed, or a project could not move to it. */
export type RulesPackErrorCode =
  | 'invalid'
  | 'not-found'
  | 'hash-mismatch'
  | 'conflict'
  | 'tampered'
  | 'unsigned'
  | 'signature-invalid'
  | 'untrusted'
  | 'upgrade-other-pack'
  | 'upgrade-same-version'
  | 'upgrade-stale';

/** Each code's catalogue message and the closed IPC error code it travels as (which the CLI's exit code follows). */
const CODES: Record<RulesPackErrorCode, { key: RulesMessageKey; payload: ErrorCode }> = {
  invalid: { key: 'error.pack-invalid', payload: 'integrity' },
  'not-found': { key: 'error.pack-not-found', payload: 'not-found' },
  'hash-mismatch': { key: 'error.pack-hash-mismatch', payload: 'integrity' },
  conflict: { key: 'error.pack-conflict', payload: 'conflict' },
  tampered: { key: 'error.pack-tampered', payload: 'integrity' },
  unsigned: { key: 'error.pack-unsigned', payload: 'integrity' },
  'signature-invalid': { key: 'error.pack-signature-invalid', payload: 'integrity' },
  untrusted: { key: 'error.pack-untrusted', payload: 'integrity' },
  'upgrade-other-pack': { key: 'error.upgrade-other-pack', payload: 'validation' },
  'upgrade-same-version': { key: 'error.upgrade-same-version', payload: 'validation' },
  'upgrade-stale': { key: 'error.upgrade-stale', payload: 'conflict' },
};

/**
 * The one error the rules loader throws. It carries a catalogue key and params, not text, so the
 * CLI and the app each render it in their user's language; `problems` lists what an author must fix.
 */
export class RulesPackError extends Error {
  /** The closed IPC error code this refusal travels as. */
  readonly payloadCode: ErrorCode;

  constructor(
    readonly code: RulesPackErrorCode,
    readonly params: TextParams,
    readonly problems: readonly PackProblem[] = [],
  ) {
    super(formatText(RULES_MESSAGES[CODES[code].key], 'en', RulesPackError.withProblems(params, problems)));
    this.name = 'RulesPackError';
    this.payloadCode = CODES[code].payload;
  }

  /** The message in `locale`, with one line per problem. */
  describe(locale: Locale): string {
    return formatText(RULES_MESSAGES[CODES[this.code].key], locale, RulesPackError.withProblems(this.params, this.problems));
  }

  private static withProblems(params: TextParams, problems: readonly PackProblem[]): TextParams {
    return { ...params, count: problems.length, problems: problems.map((p) => `  ${describeProblem(p)}`).join('\n') };
  }
}
