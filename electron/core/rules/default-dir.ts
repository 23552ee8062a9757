import { resolve } from 'node:path';

/**
 * Where installed compiled packs live: `ADSG_RULES_DIR`, else `dist/rules` next to the bundle that
 * runs (dist/cli/adsg.cjs, dist/main/index.cjs → dist/rules). The build defines `import.meta.dirname`
 * as the bundle's `__dirname`; tests running the TypeScript sources pass an explicit folder instead.
 */
export function defaultRulesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ADSG_RULES_DIR ?? resolve(import.meta.dirname, '..', 'rules');
}
