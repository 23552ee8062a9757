import { describeIssues, localiseIssues, safeParseIn } from '../../shared/i18n/issues';
import { describeProblem } from '../core/integrity/problems';
import type { z } from 'zod';
import { openCore, type Core } from '../core/core';
import { errorPayload } from '../core/ipc/dispatch';
import { AppError } from '../core/errors';
import { CliError, EXIT, printError, type GlobalOptions } from './context';
import { APP_VERSION } from './version';

/** Opens the data folder for one command and always closes it. Core errors become CLI errors. */
export async function withCore<T>(globals: GlobalOptions, run: (core: Core) => T | Promise<T>): Promise<T> {
  let core: Core;
  try {
    core = openCore({ dataDir: globals.dataDir, appVersion: APP_VERSION });
  } catch (e) {
    throw toCliError(e, globals);
  }
  // Said once, by whichever command first opens a data folder from before anchors existed.
  if (core.anchors.notice) printError(describeProblem(core.anchors.notice, globals.lang));
  try {
    return await run(core);
  } catch (e) {
    throw toCliError(e, globals);
  } finally {
    core.close();
  }
}

/** Core errors (AppError) as CLI errors in the user's language; anything else unchanged. */
export function toCliError(e: unknown, globals: GlobalOptions): unknown {
  if (e instanceof CliError) return e;
  if (!(e instanceof AppError)) return e;
  const payload = errorPayload(e, globals.lang);
  const badInput = payload.code === 'validation' || payload.code === 'not-found' || payload.code === 'conflict';
  return new CliError(badInput ? EXIT.badInput : payload.code === 'internal' ? EXIT.internal : EXIT.checkFailed, payload.message);
}

/** Validates CLI-provided values with the shared schema; bad input exits 2 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, globals: GlobalOptions): z.output<S> {
  const parsed = safeParseIn(schema, input, globals.lang);
  if (parsed.success) return parsed.data;
  throw new CliError(EXIT.badInput, describeIssues(localiseIssues(parsed.error, globals.lang), globals.lang));
}
