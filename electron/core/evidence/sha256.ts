import { EvidenceError } from './errors';

/** A SHA-256 digest as the store names files: exactly 64 lower-case hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Whether a value is a well-formed store hash (and so safe to use as a file name). */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value);
}

/**
 * Throws `bad-hash` unless the value is 64 lower-case hex digits. Every path built from a hash goes
 * through here, so a hostile value such as `../../etc/passwd` can never leave the store folder.
 */
export function assertSha256(value: unknown): asserts value is string {
  if (!isSha256(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
    throw new EvidenceError('bad-hash', `Not a SHA-256 hash (64 lower-case hex digits): ${shown}`);
  }
}
