import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random id of `bytes` bytes, base64url: session tokens, upload ids, download tickets. */
export const randomId = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** A fresh session token: 256 random bits (43 base64url characters), new at every start. */
export const newToken = (): string => randomId(32);

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether `given` is the token, in constant time whatever it is: both sides are hashed to 32
 * bytes first, so neither the content nor the length of a wrong guess changes the timing.
 */
export function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(token));
}
