/**
 * Evidence ingest (copy + SHA-256 in one pass, fsync; the rename into the store is the recording
 * transaction's) of a large file through the real `stageInWorker`, against `sha256sum` on the same file — the method of scripts/measure-ingest.mjs
 * (the reference run first warms the page cache, so both read from RAM; `dd conv=fsync` gives the
 * platform's copy-and-sync floor; RSS sampled while the worker runs), with medians over alternating runs.
 */
import { randomFillSync } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { hashAndCopy } from '../../electron/core/evidence/copy';
import { stageInWorker } from '../../electron/core/evidence/stage-in-worker';
import { cpuMs, runTimed, withPeakRss } from '../proc';
import { median, MiB } from '../stats';

export interface IngestRun {
  wallMs: number;
  cpuMs: number;
  mibPerSecond: number;
}

export interface IngestFigure {
  fileBytes: number;
  sha256: string;
  hashesMatch: boolean;
  ours: {
    runs: IngestRun[];
    medianMiBps: number;
    medianCpuMs: number;
    peakRssDeltaMiB: number;
    baselineRssMiB: number;
    progressEvents: number;
  };
  sha256sum: { runs: IngestRun[]; medianMiBps: number; medianCpuMs: number; maxRssMiB: number };
  /** Context, one run each: the copy-and-fsync floor of the disk, and our hashing alone (no copy). */
  ddCopyFsyncMiBps: number;
  hashOnlyMiBps: number;
  /** Our median throughput ÷ sha256sum's (higher is better for us). */
  ratio: number;
  /** The same on CPU time per byte (sha256sum's CPU ÷ ours). */
  cpuRatio: number;
}

/** Writes `bytes` of random data to `file` and fsyncs it, so no writeback of it competes with the runs. */
export function makeLargeFile(file: string, bytes: number): void {
  const chunk = Buffer.allocUnsafe(16 * MiB);
  const fd = openSync(file, 'w');
  try {
    for (let done = 0; done < bytes;) {
      const n = Math.min(chunk.length, bytes - done);
      randomFillSync(chunk, 0, n);
      for (let off = 0; off < n;) off += writeSync(fd, chunk, off, n - off);
      done += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function benchIngest(options: {
  workDir: string;
  bytes: number;
  runs: number;
  log: (line: string) => void;
}): Promise<IngestFigure> {
  const { workDir, bytes, runs, log } = options;
  const file = join(workDir, 'large-evidence.bin');
  const mibps = (ms: number) => bytes / MiB / (ms / 1000);
  try {
    const made = performance.now();
    makeLargeFile(file, bytes);
    log(`  ${(bytes / MiB).toFixed(0)} MiB test file written in ${((performance.now() - made) / 1000).toFixed(1)} s`);

    const sum = async (): Promise<IngestRun & { sha256: string; maxRssMiB: number }> => {
      const run = await runTimed('sha256sum', [file]);
      if (run.code !== 0) throw new Error(`sha256sum failed: ${run.stderr}`);
      return {
        wallMs: run.wallMs,
        cpuMs: run.cpuMs,
        mibPerSecond: mibps(run.wallMs),
        sha256: run.stdout.split(' ')[0]!,
        maxRssMiB: run.maxRssMiB,
      };
    };
    let progressEvents = 0;
    const ours = async (name: string) => {
      const root = join(workDir, `evidence-${name}`);
      progressEvents = 0;
      try {
        const cpu0 = cpuMs();
        const started = performance.now();
        mkdirSync(root, { recursive: true });
        const sampled = await withPeakRss(() => stageInWorker(file, root, { onProgress: () => progressEvents++ }));
        const wallMs = performance.now() - started;
        return {
          wallMs,
          cpuMs: cpuMs() - cpu0,
          mibPerSecond: mibps(wallMs),
          sha256: sampled.value.sha256,
          peakDeltaMiB: sampled.peakDeltaMiB,
          baselineMiB: sampled.baselineMiB,
        };
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };

    const reference = await sum(); // warms the page cache: from here on every reader reads from RAM
    await ours('warmup');
    const sums: Awaited<ReturnType<typeof sum>>[] = [];
    const ourRuns: Awaited<ReturnType<typeof ours>>[] = [];
    for (let i = 0; i < runs; i++) {
      sums.push(await sum());
      ourRuns.push(await ours(String(i)));
      log(
        `  ingest run ${i + 1}: ours ${ourRuns[i]!.mibPerSecond.toFixed(0)} MiB/s, sha256sum ${sums[i]!.mibPerSecond.toFixed(0)} MiB/s`,
      );
    }

    const ddTarget = join(workDir, 'dd-copy.bin');
    const dd = await runTimed('dd', [`if=${file}`, `of=${ddTarget}`, 'bs=1M', 'conv=fsync', 'status=none']);
    rmSync(ddTarget, { force: true });
    const handle = await open(file, 'r');
    const hashStart = performance.now();
    try {
      await hashAndCopy(handle, undefined);
    } finally {
      await handle.close();
    }
    const hashOnlyMs = performance.now() - hashStart;

    const ourMedian = median(ourRuns.map((r) => r.mibPerSecond));
    const sumMedian = median(sums.map((r) => r.mibPerSecond));
    const ourCpu = median(ourRuns.map((r) => r.cpuMs));
    const sumCpu = median(sums.map((r) => r.cpuMs));
    const strip = ({ wallMs, cpuMs: cpu, mibPerSecond }: IngestRun): IngestRun => ({
      wallMs,
      cpuMs: cpu,
      mibPerSecond,
    });
    return {
      fileBytes: bytes,
      sha256: reference.sha256,
      hashesMatch: [...sums, ...ourRuns].every((r) => r.sha256 === reference.sha256),
      ours: {
        runs: ourRuns.map(strip),
        medianMiBps: ourMedian,
        medianCpuMs: ourCpu,
        peakRssDeltaMiB: Math.max(...ourRuns.map((r) => r.peakDeltaMiB)),
        baselineRssMiB: median(ourRuns.map((r) => r.baselineMiB)),
        progressEvents,
      },
      sha256sum: {
        runs: sums.map(strip),
        medianMiBps: sumMedian,
        medianCpuMs: sumCpu,
        maxRssMiB: Math.max(...sums.map((r) => r.maxRssMiB)),
      },
      ddCopyFsyncMiBps: mibps(dd.wallMs),
      hashOnlyMiBps: mibps(hashOnlyMs),
      ratio: ourMedian / sumMedian,
      cpuRatio: sumCpu / ourCpu,
    };
  } finally {
    rmSync(file, { force: true });
  }
}
