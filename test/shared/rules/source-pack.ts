import { resolve } from 'node:path';
import { readPackSource } from '../../../electron/core/rules/read-source';
import type { RulesPack } from '../../../shared/rules/schema';

/** The repository root, for tests that read committed files. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

let pack: Promise<RulesPack> | undefined;

/** The adsg-2026 pack compiled from its YAML sources (once per test file). */
export function sourcePack(): Promise<RulesPack> {
  pack ??= readPackSource(resolve(REPO_ROOT, 'rules', 'adsg-2026'));
  return pack;
}
