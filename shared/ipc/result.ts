import { z } from 'zod';

/** The closed set of error codes a caller can branch on. */
export const ERROR_CODES = [
  'validation',
  'not-found',
  'conflict',
  'forbidden',
  'locked',
  'integrity',
  'unsupported',
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with an input, located by its path (`creditCode`, `patch.name`). */
export const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

export const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Already in the user's language. */
  message: z.string(),
  details: z.object({ issues: z.array(IssueSchema).optional() }).catchall(z.unknown()).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayloadSchema>;

/** What every IPC call returns: errors are values at the boundary, never thrown across it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorPayload): Result<never> => ({ ok: false, error });
