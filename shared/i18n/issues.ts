import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { Issue } from '../ipc/result';
import type { Locale } from './locale';
import { isMessageKey, MESSAGES, translate, type MessageKey } from './messages';

/** zod's own wording for built-in checks, in each UI language. */
const zodErrorMaps: Record<Locale, z.core.$ZodErrorMap> = { 'zh-CN': zhCN().localeError, en: en().localeError };

/** Parses with zod's messages in `locale`; schema-level message keys are kept for `localiseIssues`. */
export function safeParseIn<S extends z.ZodType>(schema: S, input: unknown, locale: Locale) {
  return schema.safeParse(input, { error: zodErrorMaps[locale] });
}

/** "flows[0].individuals" style path, as people and CLI flags name fields. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)),
    '',
  );
}

/** The label of a field in `locale` when the catalogue has one, else its path. */
export function fieldLabel(locale: Locale, path: string): string {
  const last = path.split('.').pop() ?? path;
  const key = `field.${last}`;
  return isMessageKey(key) ? `${MESSAGES[key][locale]} (${path})` : path;
}

/** Turns zod issues into localised `{ path, message }` pairs. */
export function localiseIssues(error: z.ZodError, locale: Locale): Issue[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = translate(locale, 'v.unknownField', { keys: issue.keys.join(', ') });
    else if (isMessageKey(message)) message = translate(locale, message as MessageKey);
    return { path, message };
  });
}

/** One line per issue, each naming its field: what a CLI prints and an error toast shows. */
export function describeIssues(issues: readonly Issue[], locale: Locale): string {
  const sep = locale === 'zh-CN' ? '：' : ': ';
  return issues.map((i) => (i.path ? `${fieldLabel(locale, i.path)}${sep}${i.message}` : i.message)).join('\n');
}
