import { build } from 'esbuild';
import { nodeBundle } from '../../../scripts/esbuild-common.mjs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Bundles worker entries exactly as scripts/build.mjs does (CJS, node20, same externals and
 * define) into a fresh temp folder, so tests neither depend on nor overwrite dist/ while other
 * entries of the full build may be mid-edit.
 * @param entries job name → `*.worker.ts` path (relative to the repo root).
 * @returns the folder to pass to setWorkersDir.
 */
export async function buildWorkers(entries: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'adsg-workers-'));
  await Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      build({ ...nodeBundle, entryPoints: [entry], outfile: path.join(dir, `${name}.cjs`) }),
    ),
  );
  return dir;
}
