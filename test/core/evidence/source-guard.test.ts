import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { headlessPorts } from '../../../electron/core/ports';
import { EvidenceError } from '../../../electron/core/evidence/errors';
import { stageInWorker } from '../../../electron/core/evidence/stage-in-worker';
import { evidenceSourceGuard } from '../../../electron/core/evidence/source-guard';
import { stageFile } from '../../../electron/core/evidence/stage';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { tempCore, tempDir } from '../../helpers/temp';

beforeAll(() => setWorkersDir(join(process.cwd(), 'dist/workers')));

type TestCore = ReturnType<typeof tempCore>;

async function withProject(): Promise<{ core: TestCore; projectId: string }> {
  const core = tempCore();
  await dispatch(core, 'settings:update', { locale: 'en' });
  const r = await dispatch(core, 'projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' });
  return { core, projectId: (r as { value: { id: string } }).value.id };
}

const trailRows = (core: TestCore) => (core.db.prepare('SELECT count(*) n FROM audit_trail').get() as { n: number }).n;

async function expectRefused(core: TestCore, projectId: string, path: string, message: string): Promise<void> {
  const before = trailRows(core);
  const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: [path], jobId: 'j' });
  expect(r, path).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(r.ok || r.error.message).toContain(message);
  expect(trailRows(core)).toBe(before);
  expect(await dispatch(core, 'workspace:get', { projectId })).toMatchObject({ ok: true, value: { evidence: [] } });
}

const INSIDE = 'is inside the workbench’s own data folder';

describe('evidence is never taken from the data folder, whatever path leads there', () => {
  test('a symbolic link to the live database', async () => {
    const { core, projectId } = await withProject();
    const link = join(tempDir(), 'quarterly-report.pdf');
    symlinkSync(core.paths.database, link);
    await expectRefused(core, projectId, link, INSIDE);
  });

  test('a symbolic link to a folder that leads into the data folder, and a path through ..', async () => {
    const { core, projectId } = await withProject();
    const outside = tempDir();
    symlinkSync(core.dataDir, join(outside, 'shortcut'));
    await expectRefused(core, projectId, join(outside, 'shortcut', 'workbench.sqlite'), INSIDE);
    await expectRefused(core, projectId, `${core.dataDir}/../${core.dataDir.split('/').pop()}/workbench.sqlite`, INSIDE);
  });

  test('any file inside the data folder, including one whose name starts with two dots', async () => {
    const { core, projectId } = await withProject();
    const sneaky = join(core.dataDir, '..notes.txt');
    writeFileSync(sneaky, 'inside');
    await expectRefused(core, projectId, sneaky, INSIDE);
    mkdirSync(join(core.dataDir, 'sub'));
    writeFileSync(join(core.dataDir, 'sub', 'x.txt'), 'inside');
    await expectRefused(core, projectId, join(core.dataDir, 'sub', 'x.txt'), INSIDE);
  });

  test('a hard link to the database or to its WAL, made outside the data folder (compared by device and inode)', async () => {
    const { core, projectId } = await withProject();
    const outside = tempDir();
    const dbLink = join(outside, 'backup.sqlite');
    linkSync(core.paths.database, dbLink);
    await expectRefused(core, projectId, dbLink, INSIDE);
    expect(existsSync(`${core.paths.database}-wal`)).toBe(true);
    const walLink = join(outside, 'log.bin');
    linkSync(`${core.paths.database}-wal`, walLink);
    await expectRefused(core, projectId, walLink, INSIDE);
  });

  test('the one exception is the host’s upload folder (Ports.uploadsFolder): its files are taken, nothing else of the data folder is', async () => {
    const { core, projectId } = await withProject();
    const uploads = join(core.paths.evidence, '.tmp', 'web-1-x-0123456789abcdef');
    mkdirSync(join(uploads, 'up-1'), { recursive: true });
    writeFileSync(join(uploads, 'up-1', 'sent.txt'), 'bytes the user sent');
    symlinkSync(core.paths.database, join(uploads, 'up-1', 'db.pdf'));
    writeFileSync(join(core.dataDir, 'beside.txt'), 'inside');
    const ports = { ...headlessPorts, uploadsFolder: uploads };
    const added = await dispatch(core, 'evidence:addPaths', { projectId, paths: [join(uploads, 'up-1', 'sent.txt')], jobId: 'j' }, ports);
    expect(added).toMatchObject({ ok: true, value: [{ fileName: 'sent.txt' }] });
    for (const path of [join(uploads, 'up-1', 'db.pdf'), join(core.dataDir, 'beside.txt')]) {
      const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: [path], jobId: 'j' }, ports);
      expect(r.ok || r.error.message, path).toContain(INSIDE);
    }
  });

  test('a FIFO is refused at once as not a regular file', async () => {
    const { core, projectId } = await withProject();
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(core, projectId, fifo, 'Not a regular file');
  });

  test('an ordinary link elsewhere is followed: the target’s bytes, under the name the user chose', async () => {
    const { core, projectId } = await withProject();
    const dir = tempDir();
    writeFileSync(join(dir, 'f81d4fae.bin'), 'minutes of the meeting');
    symlinkSync(join(dir, 'f81d4fae.bin'), join(dir, 'minutes.txt'));
    const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: [join(dir, 'minutes.txt')], jobId: 'j' });
    expect(r).toMatchObject({ ok: true, value: [{ fileName: 'minutes.txt', mediaType: 'text/plain', size: 22 }] });
  });
});

describe('file names are kept, not refused, and recorded as plain text', () => {
  test('control characters, escape sequences and bidi overrides in a name are stored as visible escapes', async () => {
    const { core, projectId } = await withProject();
    const dir = tempDir();
    const name = 'invoice\u202efdp.exe\x1b[31m\nrow.txt';
    writeFileSync(join(dir, name), 'x');
    const r = await dispatch(core, 'evidence:addPaths', { projectId, paths: [join(dir, name)], jobId: 'j' });
    expect(r).toMatchObject({ ok: true, value: [{ fileName: 'invoice\\u202efdp.exe\\x1b[31m\\nrow.txt', mediaType: 'text/plain' }] });
    const stored = core.db.prepare('SELECT file_name FROM evidence').get() as { file_name: string };
    expect(stored.file_name).toBe('invoice\\u202efdp.exe\\x1b[31m\\nrow.txt');
  });
});

describe('the file opened for ingest is the file that was checked', () => {
  /** Checks `path`, then swaps it for a link to the database before the ingest opens it. */
  async function checkThenSwap(core: TestCore): Promise<{ path: string; identity: string }> {
    const path = join(tempDir(), 'evidence.txt');
    writeFileSync(path, 'harmless');
    const check = await evidenceSourceGuard({ dataDir: core.dataDir, database: core.paths.database });
    const checked = await check(path);
    rmSync(path);
    symlinkSync(core.paths.database, path);
    return { path: checked.path, identity: checked.identity };
  }

  test('in the worker (what the app and the CLI use) and in-thread, a swapped path is refused as replaced', async () => {
    const core = tempCore();
    const { path, identity } = await checkThenSwap(core);
    const folder = tempDir();
    await expect(stageInWorker(path, folder, { expectedIdentity: identity })).rejects.toMatchObject({ code: 'replaced' });
    const error = await stageFile(path, folder, { expectedIdentity: identity }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceError);
    expect(error).toMatchObject({ code: 'replaced' });
    // Nothing of the database was staged, and nothing reached the store.
    const inDir = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);
    expect(inDir(folder)).toEqual([]);
    expect(inDir(core.paths.evidence).filter((name) => name !== '.tmp')).toEqual([]);
  });

  test('the same file, still in place, is ingested', async () => {
    const core = tempCore();
    const path = join(tempDir(), 'evidence.txt');
    writeFileSync(path, 'harmless');
    const checked = await (await evidenceSourceGuard({ dataDir: core.dataDir, database: core.paths.database }))(path);
    await expect(stageInWorker(checked.path, tempDir(), { expectedIdentity: checked.identity })).resolves.toMatchObject({ size: 8 });
  });
});
