/**
 * The closed set of signing error codes; the UI maps each to a zh-CN and an English message.
 * - `bad-passphrase`: the passphrase does not open the PKCS#12 (MAC or decryption failed).
 * - `weak-passphrase`: a passphrase we would store a key under is too short.
 * - `bad-input`: bytes or options that are not what they claim (garbage certificate, p12 without a key…).
 * - `not-found`: no identity or trusted certificate with that id.
 * - `already-exists`: an identity with that certificate is already in the store.
 * - `invalid-pdf`: the PDF cannot be parsed safely (broken structure, hostile nesting, bad offsets).
 * - `unsupported`: well-formed input using a feature we do not implement (xref streams, RC4, Ed25519…).
 * - `corrupt-store`: a file in the identity or trust folder fails validation.
 */
export const SIGNING_ERROR_CODES = [
  'bad-passphrase',
  'weak-passphrase',
  'bad-input',
  'not-found',
  'already-exists',
  'invalid-pdf',
  'unsupported',
  'corrupt-store',
] as const;
export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

/** Thrown by the signing core; `code` is what callers branch on, `message` is English detail. */
export class SigningError extends Error {
  override readonly name = 'SigningError';

  constructor(
    readonly code: SigningErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether a string (for example a code that crossed a thread boundary) is a signing error code. */
export function isSigningErrorCode(code: string): code is SigningErrorCode {
  return (SIGNING_ERROR_CODES as readonly string[]).includes(code);
}
