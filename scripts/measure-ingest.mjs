// Measures evidence ingest through the real worker bundle: throughput against `sha256sum` (and
// `dd conv=fsync`, the platform's copy-and-sync floor) on the same file, and the process's peak RSS
// (the worker thread lives in this process) sampled every 50 ms: a run that buffered the file would
// show it there. The worker's JS heap is also capped with resourceLimits (Buffers live outside it).
//
//   head -c 1G /dev/urandom > /tmp/big.bin
//   node scripts/measure-ingest.mjs /tmp/big.bin [--runs 3] [--heap-cap-mb 24] [--json]
//
// Bundles what it needs with esbuild (same options as scripts/build.mjs) into a temp folder, so it
// does not depend on dist/ being current. Exit code 1 if a hash differs from sha256sum's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = 1e6;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}
const file = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/big.bin');
const runs = Number(option('--runs', '3'));
const heapCapMb = Number(option('--heap-cap-mb', '24'));
const asJson = process.argv.includes('--json');
if (!existsSync(file)) {
  console.error(`No file at ${file}. Create one first, e.g.: head -c 1G /dev/urandom > ${file}`);
  process.exit(2);
}
const size = statSync(file).size;

/** Bundles the ingest worker and a small library entry; returns the loaded library. */
async function load(dir) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'pdfkit', 'echarts', 'exceljs', 'fontkit'],
    define: { 'import.meta.dirname': '__dirname' },
  };
  await build({
    ...common,
    entryPoints: [join(repo, 'electron/core/evidence/ingest.worker.ts')],
    outfile: join(dir, 'ingest.cjs'),
  });
  await build({
    ...common,
    stdin: {
      resolveDir: repo,
      loader: 'ts',
      contents: `
        export { runJob } from './electron/core/jobs/run-job';
        export { setWorkersDir } from './electron/core/jobs/workers-dir';
        export { ingestJob } from './electron/core/evidence/ingest-job';
        export { hashAndCopy } from './electron/core/evidence/copy';`,
    },
    outfile: join(dir, 'lib.cjs'),
  });
  const lib = createRequire(import.meta.url)(join(dir, 'lib.cjs'));
  lib.setWorkersDir(dir);
  return lib;
}

/** `sha256sum` under /usr/bin/time -v: wall time and its own max RSS. */
function sha256sum() {
  const started = performance.now();
  const timed = existsSync('/usr/bin/time');
  const result = timed
    ? spawnSync('/usr/bin/time', ['-v', 'sha256sum', file], { encoding: 'utf8' })
    : spawnSync('sha256sum', [file], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = timed ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1]) : NaN;
  return { sha256: result.stdout.split(' ')[0], seconds, maxRssMb: (maxRssKb * 1024) / MB };
}

/** Runs `task` while sampling this process's RSS every 50 ms. */
async function sampled(task) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const value = await task();
    return {
      value,
      seconds: (performance.now() - started) / 1000,
      baselineMb: baseline / MB,
      peakDeltaMb: (peak - baseline) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

/** `dd … conv=fsync`: the platform's own copy-and-make-durable speed, for reference. */
function ddCopy(target) {
  const started = performance.now();
  spawnSync('dd', [`if=${file}`, `of=${target}`, 'bs=1M', 'conv=fsync', 'status=none']);
  const seconds = (performance.now() - started) / 1000;
  rmSync(target, { force: true });
  return seconds;
}

const work = mkdtempSync(join(tmpdir(), 'adsg-measure-'));
let failed = false;
try {
  const lib = await load(work);
  const reference = sha256sum(); // also warms the page cache, so every run below reads from RAM
  let progressEvents = 0;
  const ingest = (name) =>
    sampled(async () => {
      const root = join(work, name);
      progressEvents = 0;
      mkdirSync(root, { recursive: true });
      try {
        return await lib.runJob(
          lib.ingestJob,
          { srcPath: file, folder: root },
          { onProgress: () => progressEvents++, resourceLimits: { maxOldGenerationSizeMb: heapCapMb } },
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  const rows = [];
  for (let run = 1; run <= runs; run++) {
    const sum = sha256sum();
    // On a VM the first GiB written after a pause can be several times slower (the host takes back
    // freed guest memory and must fault it in again), so each writer is timed "cold" (after the
    // pause sha256sum gives) and "warm" (right after another 1 GiB write was deleted).
    const cold = await ingest('cold');
    const dd = ddCopy(join(work, 'dd.bin'));
    const warm = await ingest('warm');
    const hashOnly = await sampled(async () => {
      const handle = await open(file, 'r');
      try {
        return await lib.hashAndCopy(handle, undefined);
      } finally {
        await handle.close();
      }
    });
    for (const result of [cold, warm, hashOnly]) if (result.value.sha256 !== reference.sha256) failed = true;
    rows.push({
      run,
      sha256sumMBps: size / MB / sum.seconds,
      sha256sumMaxRssMb: sum.maxRssMb,
      ddCopyFsyncMBps: size / MB / dd,
      ingestColdMBps: size / MB / cold.seconds,
      ingestWarmMBps: size / MB / warm.seconds,
      hashOnlyMBps: size / MB / hashOnly.seconds,
      ingestPeakRssDeltaMb: Math.max(cold.peakDeltaMb, warm.peakDeltaMb),
      progressEvents,
    });
  }
  const best = (key) => Math.max(...rows.map((r) => r[key]));
  const summary = {
    file,
    sizeMB: size / MB,
    sha256: reference.sha256,
    hashesMatch: !failed,
    workerHeapCapMb: heapCapMb,
    baselineRssMb: process.memoryUsage().rss / MB,
    bestSha256sumMBps: best('sha256sumMBps'),
    bestIngestColdMBps: best('ingestColdMBps'),
    bestIngestWarmMBps: best('ingestWarmMBps'),
    bestDdCopyFsyncMBps: best('ddCopyFsyncMBps'),
    bestHashOnlyMBps: best('hashOnlyMBps'),
    maxIngestPeakRssDeltaMb: Math.max(...rows.map((r) => r.ingestPeakRssDeltaMb)),
    runs: rows,
  };
  if (asJson) console.log(JSON.stringify(summary, null, 2));
  else {
    const f = (n) => n.toFixed(0).padStart(6);
    console.log(`${file}: ${f(size / MB)} MB, sha256 ${reference.sha256}${failed ? '  HASH MISMATCH' : ''}`);
    console.log(
      'run  sha256sum  ingest cold  ingest warm  dd copy+fsync (warm)  hash only   (MB/s)   peak RSS Δ MB  progress events',
    );
    for (const r of rows) {
      console.log(
        `${String(r.run).padStart(3)}  ${f(r.sha256sumMBps)}     ${f(r.ingestColdMBps)}       ${f(r.ingestWarmMBps)}       ${f(r.ddCopyFsyncMBps)}               ${f(r.hashOnlyMBps)}              ${f(r.ingestPeakRssDeltaMb)}         ${r.progressEvents}`,
      );
    }
    console.log(
      `sha256sum max RSS ${rows[0]?.sha256sumMaxRssMb.toFixed(1)} MB; this process baseline RSS ${summary.baselineRssMb.toFixed(0)} MB; worker heap cap ${heapCapMb} MB`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
