// Builds every runtime: main + preload + CLI + worker bundles with esbuild, the renderer with Vite.
// `--node-only` skips the renderer (used by `prepare`, so `npx adsg` works right after install).
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { execFileSync } from 'node:child_process';

const nodeOnly = process.argv.includes('--node-only');
// Native and asset-heavy packages stay outside the bundles and load from node_modules at run time.
const external = ['electron', 'better-sqlite3', 'pdfkit', 'echarts', 'exceljs', 'fontkit'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  // Bundled CJS has no import.meta; code that needs its own location uses __dirname via this define.
  define: { 'import.meta.dirname': '__dirname' },
};

/** Every `*.worker.ts` under electron/ becomes dist/workers/<name>.cjs (loaded by core/jobs). */
function workerEntries(dir = 'electron') {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...workerEntries(path));
    else if (name.endsWith('.worker.ts')) found.push(path);
  }
  return found;
}

const jobs = [
  build({ ...common, entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli/adsg.cjs' }),
  ...workerEntries().map((entry) =>
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
