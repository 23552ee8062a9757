import path from 'node:path';
import { JOB_NAME_PATTERN } from './job';

let configuredDir: string | undefined;

/** Sets the folder holding the worker bundles; composition roots and tests call this first. */
export function setWorkersDir(dir: string): void {
  configuredDir = path.resolve(dir);
}

/**
 * The folder holding `<name>.cjs` worker bundles. By default the `workers` folder beside the
 * running bundle's folder: scripts/build.mjs turns `import.meta.dirname` into the bundle's
 * `__dirname`, so dist/main/index.cjs and dist/cli/adsg.cjs both find dist/workers.
 */
export function workersDir(): string {
  return configuredDir ?? path.join(import.meta.dirname, '../workers');
}

/** The bundle file for a job name; refuses names that could point outside the folder. */
export function workerFile(name: string): string {
  if (!JOB_NAME_PATTERN.test(name)) throw new Error(`Invalid job name: ${JSON.stringify(name)}`);
  return path.join(workersDir(), `${name}.cjs`);
}
