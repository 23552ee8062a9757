import { type Command } from 'commander';
import { type Locale } from '../../shared/i18n/locale';

/** Exit codes: 0 success, 1 a check found a problem (verify commands), 2 bad input. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;

/** Thrown by commands; index.ts prints the message (already localised) and exits with the code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The global options every command sees, after validation. */
export interface GlobalOptions {
  dataDir: string;
  json: boolean;
  /** Language of messages. */
  lang: Locale;
  /** Language of documents made (dossiers): --lang as given, which may be "both". */
  documentLang: Locale | 'both';
}

/** Reads the validated global options from the root program (set by program.ts). */
export function globalsOf(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  return root.getOptionValue('globals') as GlobalOptions;
}

/** Prints a value as JSON (--json) or as the given human text. */
export function print(globals: GlobalOptions, value: unknown, human: () => string): void {
  process.stdout.write(globals.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
