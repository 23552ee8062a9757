// Builds every runtime: main + preload + CLI + worker bundles with esbuild, the renderer with Vite.
// `--node-only` skips the renderer (used by `prepare`, so `npx adsg` works right after install).
import { build } from 'esbuild';
import { basename } from 'node:path';
import { execFileSync } from 'node:child_process';
import { nodeBundle as common, workerEntries } from './esbuild-common.mjs';

const nodeOnly = process.argv.includes('--node-only');

const jobs = [
  build({ ...common, entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli/adsg.cjs' }),
  ...workerEntries('electron').map((entry) =>
    build({ ...common, entryPoints: [entry], outfile: `dist/workers/${basename(entry, '.worker.ts')}.cjs` }),
  ),
];
if (!nodeOnly) {
  jobs.push(
    build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.cjs' }),
    // The preload is one CJS file so the sandbox can stay on (sandboxed preloads cannot require files).
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] }),
  );
}
await Promise.all(jobs);

// The rules packs: validated and compiled once here, loaded (and validated again) at run time.
await build({ ...common, entryPoints: ['scripts/build-rules.entry.ts'], outfile: '.cache/build-rules.cjs', sourcemap: false });
execFileSync(process.execPath, ['.cache/build-rules.cjs'], { stdio: 'inherit' });
if (!nodeOnly) execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
