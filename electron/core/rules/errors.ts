import type { Locale } from '../../../shared/i18n/locale';
import { RULES_MESSAGES, formatText, type RulesMessageKey, type TextParams } from '../../../shared/rules/messages';
import { describeProblem, type PackProblem } from '../../../shared/rules/problems';

/** Why a pack could not be built, loaded or installed. */
export type RulesPackErrorCode = 'invalid' | 'not-found' | 'hash-mismatch' | 'conflict' | 'tampered';

const KEYS: Record<RulesPackErrorCode, RulesMessageKey> = {
  invalid: 'error.pack-invalid',
  'not-found': 'error.pack-not-found',
  'hash-mismatch': 'error.pack-hash-mismatch',
  conflict: 'error.pack-conflict',
  tampered: 'error.pack-tampered',
};

/**
 * The one error the rules loader throws. It carries a catalogue key and params, not text, so the
 * CLI and the app each render it in their user's language; `problems` lists what an author must fix.
 */
export class RulesPackError extends Error {
  constructor(
    readonly code: RulesPackErrorCode,
    readonly params: TextParams,
    readonly problems: readonly PackProblem[] = [],
  ) {
    super(formatText(RULES_MESSAGES[KEYS[code]], 'en', RulesPackError.withProblems(params, problems)));
    this.name = 'RulesPackError';
  }

  /** The message in `locale`, with one line per problem. */
  describe(locale: Locale): string {
    return formatText(RULES_MESSAGES[KEYS[this.code]], locale, RulesPackError.withProblems(this.params, this.problems));
  }

  private static withProblems(params: TextParams, problems: readonly PackProblem[]): TextParams {
    return { ...params, count: problems.length, problems: problems.map((p) => `  ${describeProblem(p)}`).join('\n') };
  }
}
