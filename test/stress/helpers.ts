import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { tempCore, tempDir } from '../helpers/temp';

/** One run of the real CLI in a child process. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A CLI child under way: `done` settles when it exits, whatever the reason. */
export interface CliChild {
  child: ChildProcess;
  done: Promise<CliResult>;
}

/**
 * Starts `adsg --data-dir <dataDir> …args` (built by test/global-setup.ts). `tmp` becomes the
 * child's TMPDIR so that anything it leaves in "the system temp folder" is seen by the checks.
 */
export function startCli(dataDir: string, args: string[], tmp: string): CliChild {
  const started = Date.now();
  const child = spawn(process.execPath, [join(process.cwd(), 'bin/adsg.cjs'), '--data-dir', dataDir, ...args], {
    env: { ...process.env, ADSG_LANG: 'en', TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started })),
  );
  return { child, done };
}

/** Runs the CLI to the end; throws with its output unless it exits 0. */
export async function cli(dataDir: string, args: string[], tmp: string): Promise<string> {
  const r = await startCli(dataDir, args, tmp).done;
  if (r.code !== 0) throw new Error(`adsg ${args.join(' ')} → ${r.code} ${r.signal ?? ''}\n${r.stderr}`);
  return r.stdout;
}

/** A small seeded generator (mulberry32): the same seed gives the same kill points and staggers. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls (every 5 ms) until `test` holds; false when `timeoutMs` passes first. */
export async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(5)) if (test()) return true;
  return test();
}

/** Every file (not folder) under `dir`, relative to it; empty when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Every entry (file or folder) directly in `dir`; empty when it does not exist. */
export function entriesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The folder the store writes in-progress files to (evidence/.tmp). */
export const storeTemp = (dataDir: string) => join(dataDir, 'evidence', '.tmp');

/** What a trial left: the database's own check, evidence rows whose file is absent or different, temp leftovers. */
export interface DataCheck {
  integrity: string;
  evidenceRows: number;
  badFiles: string[];
  storeTemp: string[];
  systemTemp: string[];
}

/**
 * Reads the data folder from outside, as an auditor would: `PRAGMA integrity_check`, and every
 * evidence row's stored file re-hashed with SHA-256 and compared with the row.
 */
export function checkData(dataDir: string, tmp: string): DataCheck {
  const db = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const rows = db.prepare('SELECT sha256, size, file_name AS name FROM evidence').all() as { sha256: string; size: number; name: string }[];
    const badFiles: string[] = [];
    for (const r of rows) {
      const file = join(dataDir, 'evidence', r.sha256.slice(0, 2), r.sha256);
      if (!existsSync(file)) badFiles.push(`missing ${r.name}`);
      else if (sha256Of(file) !== r.sha256) badFiles.push(`modified ${r.name}`);
    }
    return { integrity, evidenceRows: rows.length, badFiles, storeTemp: entriesIn(storeTemp(dataDir)), systemTemp: entriesIn(tmp) };
  } finally {
    db.close();
  }
}

/** What is wrong with a data folder after a trial and the next start: empty when it is whole. */
export function dataProblems(check: DataCheck): string[] {
  return [
    ...(check.integrity === 'ok' ? [] : [`integrity_check: ${check.integrity}`]),
    ...check.badFiles.map((f) => `evidence file ${f}`),
    ...check.storeTemp.map((n) => `left in evidence/.tmp: ${n}`),
    ...check.systemTemp.map((n) => `left in the system temp folder: ${n}`),
  ];
}

/** SHA-256 of a file, read in one go (stress fixtures are small but for the big sparse file). */
export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Messages a process may fail with when it loses a race: clear and expected. */
export const LOST_IMPORT_RACE = [/^Project [0-9a-f-]{36} \(or its audit trail\) already exists in this workbench\. To import it again, import it as a copy\.\n$/];

/**
 * A process either succeeded or failed with one of the clear messages: never "database is
 * locked", never a stack trace. Killed processes are judged by the data they left, not here.
 * @returns what was wrong, empty when nothing.
 */
export function outcomeProblems(name: string, r: CliResult, allowed: readonly RegExp[] = []): string[] {
  if (r.code === 0 || r.signal === 'SIGKILL') return [];
  if (allowed.some((re) => re.test(r.stderr))) return [];
  return [`${name} exit ${r.code} after ${r.ms} ms: ${r.stderr.trim().split('\n').slice(0, 3).join(' / ')}`];
}

/** A condition of a trial: the message when it does not hold. */
export const unless = (holds: boolean, message: string): string[] => (holds ? [] : [message]);

/** Rows of a project, read from outside. */
export function projectRows(dataDir: string): { id: string; name: string; evidence: number }[] {
  const db = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT p.id, p.name, (SELECT count(*) FROM evidence e WHERE e.project_id = p.id) AS evidence FROM projects p ORDER BY p.name, p.id').all() as never;
  } finally {
    db.close();
  }
}

/**
 * The host start-up every process runs: the desktop app, the CLI and the web host all open the
 * data folder through openCore. Run in this process, so it is a different process from the CLI
 * children it races.
 */
export function startHost(dataDir: string): void {
  tempCore({ dataDir }).close();
}

/** Fixtures a stress file needs, built once with the real CLI. */
export interface Fixtures {
  root: string;
  /** A data folder holding the sample project with extra evidence, not yet accepted. */
  open: string;
  openProjectId: string;
  /** That project exported as a bundle (unsigned), `EVIDENCE_IN_BUNDLE` evidence files. */
  bundle: string;
  /** The same data folder after review accept, with an auditor identity (only when asked). */
  accepted?: { dataDir: string; identity: string; passphraseFile: string };
}

/** Evidence files of the bundle: the sample's 5 and 40 more, so that imports take long enough to overlap. */
export const EVIDENCE_IN_BUNDLE = 45;

export async function buildFixtures(options: { accepted?: boolean } = {}): Promise<Fixtures> {
  const root = tempDir('adsg-stress-');
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  const open = join(root, 'open');
  const { id } = JSON.parse(await cli(open, ['--json', 'demo'], tmp)) as { id: string };
  const files = join(root, 'files');
  mkdirSync(files);
  const paths = Array.from({ length: EVIDENCE_IN_BUNDLE - 5 }, (_, i) => {
    const p = join(files, `extract-${String(i).padStart(2, '0')}.bin`);
    writeFileSync(p, randomBytes(64 * 1024));
    return p;
  });
  await cli(open, ['evidence', 'add', id, ...paths], tmp);
  const bundle = join(root, 'sample.adsg');
  await cli(open, ['bundle', 'export', id, '--out', bundle], tmp);
  const fixtures: Fixtures = { root, open, openProjectId: id, bundle };
  if (options.accepted) {
    const dataDir = join(root, 'accepted');
    cpSync(open, dataDir, { recursive: true });
    const passphraseFile = join(root, 'pass.txt');
    writeFileSync(passphraseFile, 'stress passphrase 2026\n');
    await cli(dataDir, ['review', 'submit', id], tmp);
    await cli(dataDir, ['review', 'accept', id, '--comment', 'ok'], tmp);
    const identity = (JSON.parse(await cli(dataDir, ['--json', 'identity', 'create', '--name', 'Li Wei', '--organization', 'Stress Audit', '--passphrase-file', passphraseFile], tmp)) as { id: string }).id;
    fixtures.accepted = { dataDir, identity, passphraseFile };
  }
  return fixtures;
}

const folders: string[] = [];

/** A fresh trial: its own data folder (a copy of `from`, or empty) and its own system temp folder. */
export function newTrial(from?: string): { dataDir: string; tmp: string } {
  const dir = tempDir('adsg-trial-');
  folders.push(dir);
  const dataDir = join(dir, 'data');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  if (from) cpSync(from, dataDir, { recursive: true });
  return { dataDir, tmp };
}

/** Removes the fixtures and every trial folder (call in afterAll). */
export function removeFolders(fixtures?: Fixtures): void {
  for (const dir of [...folders.splice(0), ...(fixtures ? [fixtures.root] : [])]) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs every trial even when some fail, then fails naming each failed trial, so a run reports how
 * often a race was lost, not just the first time. Prints "trials, failures, seconds" for the record.
 */
export async function runTrials(name: string, trials: number, trial: (index: number) => Promise<string[]>): Promise<void> {
  const started = Date.now();
  const failures: string[] = [];
  for (let i = 0; i < trials; i++) {
    const problems = await trial(i).catch((e: unknown) => [`threw: ${(e as Error).message}`]);
    if (problems.length) failures.push(`trial ${i}: ${problems.join('; ')}`);
  }
  console.log(`[stress] ${name}: ${trials} trials, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(failures, `${failures.length} of ${trials} trials failed`).toEqual([]);
}
