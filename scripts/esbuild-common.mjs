// The esbuild settings every Node-side bundle shares (app, CLI, workers, bench), in one place.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Native and asset-heavy packages stay outside the bundles and load from node_modules at run time. */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pdfkit', 'echarts', 'exceljs', 'fontkit'],
  logLevel: 'warning',
  // Bundled CJS has no import.meta; code that needs its own location uses __dirname via this define.
  define: { 'import.meta.dirname': '__dirname' },
};

/** Every `*.worker.ts` under `dir`; each becomes `<workers>/<name>.cjs` (loaded by core/jobs). */
export function workerEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...workerEntries(path));
    else if (name.endsWith('.worker.ts')) found.push(path);
  }
  return found;
}
