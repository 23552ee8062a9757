import type { z } from 'zod';
import { issuePath } from '../i18n/issues';

/** One thing wrong with a rules pack, located as precisely as known (for pack authors; English). */
export interface PackProblem {
  /** The source file, relative to the rules folder (`adsg-2026/exemptions.yaml`). */
  file?: string;
  /** The item id the problem is in, when there is one. */
  item?: string;
  /** The field, as a path inside the file or item (`items[3].requirement.en`). */
  path?: string;
  message: string;
}

/** `file: item: path: message`, leaving out what is unknown. */
export function describeProblem(problem: PackProblem): string {
  return [problem.file, problem.item, problem.path, problem.message].filter(Boolean).join(': ');
}

/**
 * Turns schema issues into problems that name the item: the deepest object with an `id` along the
 * issue's path is the item the author has to open.
 */
export function problemsFromSchema(error: z.ZodError, data: unknown, file?: string): PackProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issuePath(issue.path);
    const item = itemAlong(data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        item,
        path: path ? `${path}.${key}` : key,
        message: `unknown field "${key}"`,
      }));
    }
    return [{ file, item, path, message: issue.message }];
  });
}

function itemAlong(data: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = data;
  let found: string | undefined;
  for (const segment of [undefined, ...path]) {
    if (segment !== undefined) node = isRecord(node) ? node[segment as string] : undefined;
    if (isRecord(node) && typeof node.id === 'string') found = node.id;
  }
  return found;
}

function isRecord(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}
