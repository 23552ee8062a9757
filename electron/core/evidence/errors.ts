/** The closed set of evidence error codes; the UI maps each to a zh-CN and an English message. */
export const EVIDENCE_ERROR_CODES = ['not-found', 'not-a-file', 'cancelled', 'io', 'bad-hash', 'in-data-folder', 'replaced'] as const;
export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[number];

/** Whether a string (for example a code that crossed a thread boundary) is an evidence error code. */
export function isEvidenceErrorCode(code: string): code is EvidenceErrorCode {
  return (EVIDENCE_ERROR_CODES as readonly string[]).includes(code);
}

/** Thrown by the evidence store; `code` is what callers branch on, `message` is English detail. */
export class EvidenceError extends Error {
  override readonly name = 'EvidenceError';

  constructor(
    readonly code: EvidenceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for errors raised by the operating system (they carry an `E…` code such as ENOENT). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
