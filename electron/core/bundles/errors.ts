import { bundleMessage, type BundleMessageKey } from '../../../shared/i18n/bundle-messages';
import type { Locale } from '../../../shared/i18n/locale';
import type { ErrorCode, ErrorPayload } from '../../../shared/ipc/result';
import type { TextParams } from '../../../shared/i18n/format';
import { isSystemError } from '../evidence/errors';
import { hasUnsafeText } from '../../../shared/domain/text';

/** Why a bundle was refused or could not be made: one catalogue message each. */
export type BundleReason = BundleMessageKey;

/** The closed IPC error code of each reason, which is also what the CLI's exit code follows. */
const CODES: Record<BundleReason, ErrorCode> = {
  'not-a-bundle': 'validation',
  truncated: 'integrity',
  'too-many-entries': 'validation',
  'unsafe-path': 'validation',
  symlink: 'validation',
  'duplicate-entry': 'validation',
  'unknown-entry': 'validation',
  'unsupported-entry': 'unsupported',
  'entry-too-large': 'validation',
  'total-too-large': 'validation',
  'compression-ratio': 'validation',
  'damaged-entry': 'integrity',
  'manifest-missing': 'validation',
  'manifest-invalid': 'validation',
  'format-version': 'unsupported',
  'signature-invalid': 'integrity',
  'entry-mismatch': 'integrity',
  'manifest-inconsistent': 'integrity',
  'project-invalid': 'validation',
  'project-inconsistent': 'integrity',
  'trail-broken': 'integrity',
  'trail-mismatch': 'integrity',
  'snapshot-mismatch': 'integrity',
  'rules-pack-missing': 'not-found',
  'rules-pack-differs': 'conflict',
  'project-exists': 'conflict',
  'ids-taken': 'conflict',
  'no-space': 'io',
  cancelled: 'io',
  io: 'io',
  'evidence-damaged': 'integrity',
  'dossier-invalid': 'validation',
};

/**
 * The one error the bundle code throws. Like RulesPackError it carries a reason and params, not
 * text, so the app and the CLI each render it in their user's language.
 */
export class BundleError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: BundleReason,
    readonly params: TextParams = {},
    options?: { cause?: unknown },
  ) {
    super(bundleMessage('en', reason, params), options);
    this.name = 'BundleError';
    this.code = CODES[reason];
  }

  /** The message in `locale`. */
  describe(locale: Locale): string {
    return bundleMessage(locale, this.reason, this.params);
  }

  /** The Result error an IPC caller receives; `details.reason` lets the UI branch without parsing text. */
  toPayload(locale: Locale): ErrorPayload {
    return { code: this.code, message: this.describe(locale), details: { reason: this.reason } };
  }
}

/**
 * File-system failures (disk full, permissions) as a BundleError `io`, an abort as `cancelled`;
 * BundleErrors and the app's other typed errors pass through unchanged.
 */
export function asBundleError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof BundleError) return error;
  if (signal?.aborted) return new BundleError('cancelled', {}, { cause: error });
  if (isSystemError(error)) return new BundleError('io', { detail: shown(error.message, 200) }, { cause: error });
  return error;
}

/** C0 and C1 control characters, and the bidirectional overrides that can disguise a file name: the shared text rule. */
export function isControlCharacter(char: string): boolean {
  return hasUnsafeText(char);
}

/** Shortens text from a file before it goes into a message (names and details are attacker-chosen). */
export function shown(text: string, max = 120): string {
  // Control characters would let a hostile name rewrite the user's terminal or log line.
  const clean = Array.from(text, (c) => (isControlCharacter(c) ? '\uFFFD' : c)).join('');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
