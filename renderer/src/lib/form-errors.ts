import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { localiseIssues, safeParseIn } from '../../../shared/i18n/issues';
import type { Locale } from '../../../shared/i18n/locale';
import type { Issue } from '../../../shared/ipc/result';
import { ApiError } from './api';

/** Puts issues on the form fields they name; returns the issues no field could take. */
export function showIssues(form: FormInstance, issues: readonly Issue[]): Issue[] {
  const names = new Set(Object.keys(form.getFieldsValue(true) as object));
  const onFields = issues.filter((i) => names.has(i.path.split('.')[0]!));
  form.setFields(onFields.map((i) => ({ name: i.path.split('.')[0]!, errors: [i.message] })));
  return issues.filter((i) => !onFields.includes(i));
}

/**
 * Validates form values with the same zod schema the main side uses, in the user's language.
 * Returns the parsed value, or null after showing the problems on the form.
 */
export function validateForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown, locale: Locale): z.output<S> | null {
  const parsed = safeParseIn(schema, values, locale);
  if (parsed.success) return parsed.data;
  showIssues(form, localiseIssues(parsed.error, locale));
  return null;
}

/** Shows a failed call's field issues on the form; the caller reports what is left. */
export function showCallError(form: FormInstance, error: unknown): string | null {
  if (error instanceof ApiError && error.payload.details?.issues) {
    const rest = showIssues(form, error.payload.details.issues);
    return rest.length ? error.message : null;
  }
  return (error as Error).message;
}
