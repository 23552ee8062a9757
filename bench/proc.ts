/** Running the reference tools: wall time, CPU time and max RSS of a child process. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const GNU_TIME = '/usr/bin/time';

/** What one run of a tool cost. */
export interface ProcessRun {
  wallMs: number;
  /**
   * CPU time of the tool and every process it started: `perf stat` task-clock where perf works
   * (GNU time misses processes nobody waits for, e.g. Chromium's renderers), else GNU time's user + system.
   */
  cpuMs: number;
  cpuSource: 'perf' | 'time' | 'none';
  /** Largest resident set of any single process of the run, in MiB (NaN without GNU time). */
  maxRssMiB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Parses GNU `time -v` output (what it appends to stderr). */
export function parseGnuTime(stderr: string): { cpuMs: number; maxRssMiB: number } {
  const num = (re: RegExp) => Number(re.exec(stderr)?.[1] ?? Number.NaN);
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const system = num(/System time \(seconds\): ([\d.]+)/);
  const maxRssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
  return { cpuMs: (user + system) * 1000, maxRssMiB: maxRssKb / 1024 };
}

let perfWorks: boolean | undefined;
/** Whether `perf stat` can count task-clock here (it needs perf_event access). */
export function hasPerf(): boolean {
  perfWorks ??=
    spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
  return perfWorks;
}

/** task-clock msec from `perf stat -x,` output. */
export function parsePerfTaskClock(text: string): number {
  const line = text.split('\n').find((l) => l.includes('task-clock'));
  return line ? Number(line.split(',')[0]) : Number.NaN;
}

/** Runs `cmd args` (under GNU `time -v` and `perf stat` when they work) without blocking this thread. */
export function runTimed(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProcessRun> {
  const timed = existsSync(GNU_TIME);
  const perf = hasPerf();
  const perfDir = perf ? mkdtempSync(join(tmpdir(), 'adsg-perf-')) : '';
  const perfOut = join(perfDir, 'stat.csv');
  const inner = perf ? ['perf', 'stat', '-x,', '-e', 'task-clock', '-o', perfOut, '--', cmd, ...args] : [cmd, ...args];
  const argv = timed ? [GNU_TIME, '-v', ...inner] : inner;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const usage = timed ? parseGnuTime(stderr) : { cpuMs: Number.NaN, maxRssMiB: Number.NaN };
      let perfCpu = Number.NaN;
      if (perf) {
        try {
          perfCpu = parsePerfTaskClock(readFileSync(perfOut, 'utf8'));
        } catch {
          // perf did not write its file (the tool failed to start): fall back to GNU time.
        }
        rmSync(perfDir, { recursive: true, force: true });
      }
      const cpuSource = Number.isFinite(perfCpu) ? 'perf' : timed ? 'time' : 'none';
      resolve({
        wallMs,
        cpuMs: Number.isFinite(perfCpu) ? perfCpu : usage.cpuMs,
        cpuSource,
        maxRssMiB: usage.maxRssMiB,
        code,
        stdout,
        stderr,
      });
    });
  });
}

/** First line of `cmd --version` (or of `versionArgs`), for the record. */
export function toolVersion(cmd: string, versionArgs = ['--version']): string {
  const r = spawnSync(cmd, versionArgs, { encoding: 'utf8' });
  return (
    `${r.stdout || ''}${r.stderr || ''}`
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'unknown'
  );
}

/** This process's CPU time (all threads, including workers and the libuv pool), in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const STATUS = '/proc/self/status';

/** Resets the kernel's peak-RSS mark of this process (Linux); false where not possible. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The kernel's peak RSS of this process (VmHWM) in MiB; NaN where not available. */
export function kernelPeakRssMiB(): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(STATUS, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

// The sampler runs in its own thread so that a busy main thread (signing, model building) cannot
// hide a peak; RSS is per process, so it sees the main thread, the job worker and native memory.
const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const peak = new Float64Array(workerData.shared);
const sample = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; peak[1]++; };
sample();
const timer = setInterval(sample, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); sample(); parentPort.postMessage('stopped'); });
`;

/** Samples the whole process's RSS every `intervalMs` from a separate thread. */
export class RssSampler {
  private readonly shared = new SharedArrayBuffer(16);
  private readonly view = new Float64Array(this.shared);
  private readonly worker: Worker;
  private readonly ready: Promise<void>;

  private constructor(intervalMs: number) {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: { shared: this.shared, intervalMs } });
    this.ready = new Promise((resolve) => this.worker.once('online', () => resolve()));
  }

  /** Starts sampling; the baseline is taken once the sampler thread itself is running. */
  static async start(intervalMs = 20): Promise<RssSampler> {
    const sampler = new RssSampler(intervalMs);
    await sampler.ready;
    return sampler;
  }

  /** Stops, and returns the peak RSS seen (MiB) and how many samples were taken. */
  async stop(): Promise<{ peakMiB: number; samples: number }> {
    const stopped = new Promise((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    await stopped;
    await this.worker.terminate();
    return { peakMiB: this.view[0]! / (1024 * 1024), samples: this.view[1]! };
  }
}

/** Runs `task` with the process RSS sampled every 20 ms; reports the peak above the RSS before it started. */
export async function withPeakRss<T>(task: () => Promise<T>): Promise<{
  value: T;
  baselineMiB: number;
  peakMiB: number;
  peakDeltaMiB: number;
  kernelPeakMiB: number;
  samples: number;
}> {
  (globalThis as { gc?: () => void }).gc?.();
  const sampler = await RssSampler.start(20);
  const baselineMiB = process.memoryUsage.rss() / (1024 * 1024);
  const canReset = resetPeakRss();
  try {
    const value = await task();
    const { peakMiB, samples } = await sampler.stop();
    const kernelPeakMiB = canReset ? kernelPeakRssMiB() : Number.NaN;
    const peak = Math.max(peakMiB, Number.isNaN(kernelPeakMiB) ? 0 : kernelPeakMiB);
    return { value, baselineMiB, peakMiB: peak, peakDeltaMiB: peak - baselineMiB, kernelPeakMiB, samples };
  } catch (error) {
    await sampler.stop();
    throw error;
  }
}
