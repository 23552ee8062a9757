// `npm run bench`: bundles the bench (bench/main.ts) and the worker jobs it drives from the current
// sources with esbuild (the options of scripts/build.mjs) into .cache/bench/, then runs it with node.
// The real compiled rules pack comes from dist/rules (scripts/build.mjs makes it). Arguments are
// passed through: `npm run bench -- --quick`, `-- --only dossier,verify`, `-- --help`.
// `--cpu-prof` writes V8 CPU profiles of the bench and its workers to .cache/bench/prof/ (summarise
// them with `node bench/cpuprofile-top.mjs <file>`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle as common, workerEntries } from '../scripts/esbuild-common.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, '.cache', 'bench');
const workersDir = join(out, 'workers');
rmSync(out, { recursive: true, force: true });
mkdirSync(workersDir, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: [join(repo, 'bench/main.ts')], outfile: join(out, 'bench.cjs') }),
  ...workerEntries(join(repo, 'electron')).map((entry) =>
    build({ ...common, entryPoints: [entry], outfile: join(workersDir, `${basename(entry, '.worker.ts')}.cjs`) }),
  ),
]);

const args = process.argv.slice(2);
const profile = args.includes('--cpu-prof');
const nodeArgs = ['--expose-gc'];
if (profile) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(out, 'prof')}`);
const run = spawnSync(
  process.execPath,
  [
    ...nodeArgs,
    join(out, 'bench.cjs'),
    '--repo',
    repo,
    '--workers-dir',
    workersDir,
    ...args.filter((a) => a !== '--cpu-prof'),
  ],
  // The workers find the dossier fonts through ADSG_ASSETS_DIR (they do not sit in dist/).
  { stdio: 'inherit', cwd: repo, env: { ...process.env, ADSG_ASSETS_DIR: join(repo, 'assets') } },
);
process.exitCode = run.status ?? 1;
