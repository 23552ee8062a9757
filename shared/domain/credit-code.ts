/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters drawn from a
 * 31-character alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'charset' | 'check';

/** The expected check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const r = 31 - (sum % 31);
  return ALPHABET[r === 31 ? 0 : r]!;
}

/** Returns what is wrong with a code, or null when it is valid. Upper-case input expected. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  return creditCodeCheckChar(code) === code[17] ? null : 'check';
}
