import type { z } from 'zod';
import { AppError } from '../errors';

/** Reads a JSON column through its schema: a value damaged outside the app is an integrity error, not a crash. */
export function readJson<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('integrity', 'error.integrity', { what: where });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('integrity', 'error.integrity', { what: where });
  return parsed.data;
}
