import { z } from 'zod';

/**
 * The one rule for text people enter (names, titles, notes) and for text read from other
 * installations (bundles): plain characters only. Refused are the C0 and C1 control characters
 * (and with them ESC, so every ANSI/OSC escape sequence), DEL, the line and paragraph separators,
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they make
 * "invoice‮fdp.exe" read as "invoiceexe.pdf" and reorder the text around them) and unpaired
 * surrogates (half a character). Multi-line fields also allow line feed and tab.
 *
 * The bidi marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are allowed: they are ordinary in
 * Arabic and Hebrew names, open nothing that could run past the name, and cannot reorder text the
 * way an override does.
 */

/** Every character the rule refuses somewhere (the `u` flag makes a lone surrogate one match). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** Why a text was refused: each has its own catalogue message (`v.text.<kind>`). */
export type UnsafeKind = 'lineBreak' | 'control' | 'direction' | 'broken';

function kindOf(char: string): UnsafeKind {
  const code = char.codePointAt(0)!;
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return 'lineBreak';
  if (code >= 0xd800 && code <= 0xdfff) return 'broken';
  if (code >= 0x202a) return 'direction';
  return 'control';
}

/** Why `text` breaks the rule (the first offending character decides), or null when it is plain. `allowed` lists characters let through. */
export function unsafeTextKind(text: string, allowed = ''): UnsafeKind | null {
  if (!UNSAFE.test(text)) return null;
  for (const char of text.matchAll(UNSAFE_ALL)) if (!allowed.includes(char[0])) return kindOf(char[0]);
  return null;
}

/** True when `text` holds a character the rule refuses, `allowed` apart. */
export function hasUnsafeText(text: string, allowed = ''): boolean {
  return unsafeTextKind(text, allowed) !== null;
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

/** The escape of one character: visible (`\n`, `\x1b`, `\u202e`) or as JSON writes it (`\u001b`). */
function escapeOf(char: string, style: 'visible' | 'json'): string {
  const code = char.charCodeAt(0);
  if (style === 'json') return `\\u${hex(code, 4)}`;
  return NAMED_ESCAPES[char] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
}

/**
 * `text` with every character the rule refuses shown as a visible escape (`\x1b`, `\n`, `\u202e`),
 * `keep` apart: how text that got past the input rule (stored by an older version, file names,
 * certificate subjects, claims inside a PDF) is shown. A backslash is left as it is, so Windows
 * paths stay readable; the escape is for eyes, not for decoding. Style `json` writes `\u001b`
 * instead, which a JSON text may hold inside its strings and parses back to the same character.
 */
export function escapeUnsafeText(text: string, keep = '', style: 'visible' | 'json' = 'visible'): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (char) => (keep.includes(char) ? char : escapeOf(char, style)));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Whether any string in a JSON-like value (object keys included) breaks the rule, `keep` apart. Allocates nothing. */
function holdsUnsafe(value: unknown, keep: string): boolean {
  if (typeof value === 'string') return hasUnsafeText(value, keep);
  if (Array.isArray(value)) return value.some((item) => holdsUnsafe(item, keep));
  if (isPlainObject(value)) {
    for (const key in value) if (hasUnsafeText(key, keep) || holdsUnsafe(value[key], keep)) return true;
  }
  return false;
}

function escapeAll(value: unknown, keep: string): unknown {
  if (typeof value === 'string') return escapeUnsafeText(value, keep);
  if (Array.isArray(value)) return value.map((item) => escapeAll(item, keep));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeUnsafeText(key, keep), escapeAll(item, keep)]));
  return value;
}

/**
 * A JSON-like value with {@link escapeUnsafeText} applied to every string in it (object keys
 * included), `keep` apart. A value with nothing to escape is returned as it is, after one scan
 * that copies nothing (a 290 KB rules pack costs a few milliseconds).
 */
export function escapeUnsafeDeep<T>(value: T, keep = ''): T {
  return holdsUnsafe(value, keep) ? (escapeAll(value, keep) as T) : value;
}

function plain(schema: z.ZodString, allowed: string): z.ZodString {
  return schema.superRefine((text, ctx) => {
    const kind = unsafeTextKind(text, allowed);
    if (kind) ctx.addIssue({ code: 'custom', message: `v.text.${kind}` });
  });
}

/** A name or other one-line field: trimmed, at most `max` characters, plain text only. */
export function singleLine(max: number): z.ZodString {
  return plain(z.string().trim().max(max, 'v.tooLong'), '');
}

/**
 * A note, description or comment: at most `max` characters, plain text with line feeds and tabs.
 * Windows line ends (CR LF, or a lone CR) become LF rather than being refused.
 */
export function multiLine(max: number, options: { trim?: boolean } = {}): z.ZodString {
  const base = options.trim ? z.string().trim() : z.string();
  return plain(base.overwrite((text) => text.replace(/\r\n?/g, '\n')).max(max, 'v.tooLong'), '\n\t');
}

/**
 * How a record's text fields are checked. Records that come from elsewhere (a bundle, a snapshot
 * inside one) are held to the input rule; records this database already holds are read as they are,
 * because an older version may have stored characters the rule now refuses: those are shown
 * escaped, never refused, so the project stays open and can be renamed.
 */
export interface TextRules {
  line(max: number): z.ZodString;
  lines(max: number): z.ZodString;
}

/** Text as entered or imported: {@link singleLine} and {@link multiLine}. */
export const PLAIN_TEXT: TextRules = { line: singleLine, lines: (max) => multiLine(max) };

/** Text as this database holds it: any string (not every door of older versions bounded its length). */
export const STORED_TEXT: TextRules = { line: () => z.string(), lines: () => z.string() };
