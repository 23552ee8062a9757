import { type Command } from 'commander';
import { escapeUnsafeText } from '../../shared/domain/text';
import { type Locale } from '../../shared/i18n/locale';
import { translate, type MessageKey } from '../../shared/i18n/messages';

/** Exit codes: 0 success, 1 a check found a problem (verify commands), 2 bad input. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;

/** Thrown by commands; index.ts prints the message (already localised) and exits with the code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    private readonly localised?: (lang: Locale) => string,
  ) {
    super(message);
  }

  /** A CliError whose text is a catalogue message, printed in the language of the run. */
  static fromCatalogue(exitCode: number, key: MessageKey, params: Record<string, string | number>): CliError {
    return new CliError(exitCode, translate('en', key, params), (lang) => translate(lang, key, params));
  }

  /** The message in `lang`. */
  messageIn(lang: Locale): string {
    return this.localised?.(lang) ?? this.message;
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

/**
 * Output lines as the terminal gets them: every control character, escape sequence, line
 * separator and bidi override inside a line is shown as a visible escape (`\x1b`, `\n`, `\u202e`).
 * Names come from the database (an older version or an attacker may have stored anything), from
 * file names, certificates and PDFs; none may move the cursor, recolour, link, or forge a row.
 */
export function terminalText(lines: readonly string[]): string {
  return lines.map((line) => escapeUnsafeText(line)).join('\n');
}

/** Text that spans lines by design (messages, help): each of its lines made safe. */
export function terminalMessage(text: string): string {
  return terminalText(text.split('\n'));
}

/**
 * JSON for the terminal: JSON.stringify already escapes C0 controls and lone surrogates; DEL, C1
 * controls, line separators and bidi controls are escaped too (`\u202e`), which parses back to
 * the same value.
 */
function terminalJson(value: unknown): string {
  // The only raw line feeds in pretty-printed JSON are its own layout.
  return escapeUnsafeText(JSON.stringify(value, null, 2), '\n', 'json');
}

/**
 * Prints a value as JSON (--json) or as the human lines `human` returns. Every CLI output goes
 * through here (or {@link printError}): one line per element, nothing printed raw.
 */
export function print(globals: GlobalOptions, value: unknown, human: () => readonly string[]): void {
  process.stdout.write(`${globals.json ? terminalJson(value) : terminalText(human())}\n`);
}

/** Writes a message to stderr, each of its lines made safe. */
export function printError(message: string): void {
  process.stderr.write(`${terminalMessage(message)}\n`);
}
