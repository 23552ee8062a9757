import { beforeAll, describe, expect, test } from 'vitest';
import { BundleError } from '../../../electron/core/bundles/errors';
import { importBundle } from '../../../electron/core/bundles/import';
import { removeProject } from '../../../electron/core/projects/service';
import { makeSigner } from '../signing/support';
import { acceptedSample, copyDataDir, exportTo, FIXED_NOW, treeDigest } from '../../fixtures/bundles/sample';
import { hostileCorpus, type HostileCase } from '../../fixtures/bundles/hostile';
import { tempCore, tempDir } from '../../helpers/temp';

let corpus: HostileCase[] = [];
let good = '';
let sourceDir = '';
let emptyDir = '';

beforeAll(async () => {
  const { core, projectId } = await acceptedSample();
  good = await exportTo(core, projectId);
  sourceDir = core.dataDir;
  core.close();
  const empty = tempCore();
  emptyDir = empty.dataDir;
  empty.close();
  corpus = await hostileCorpus(good, tempDir('adsg-hostile-'), makeSigner('Mallory', 'Evil Corp', 2048));
}, 60_000);

/**
 * Imports into a copy of `dataDir` with the core closed before and after, so the comparison sees
 * every byte of the folder (an open SQLite connection rewrites its -shm on mere reads).
 */
async function refusedImport(dataDir: string, file: string, options: Parameters<typeof importBundle>[2] = {}) {
  const dir = copyDataDir(dataDir);
  const before = treeDigest(dir);
  const core = tempCore({ dataDir: dir, now: FIXED_NOW });
  let error: unknown;
  try {
    await importBundle(core, file, options);
  } catch (e) {
    error = e;
  } finally {
    core.close();
  }
  expect(treeDigest(dir), 'the data folder must be byte-identical').toEqual(before);
  return error;
}

describe('hostile bundles are refused, each with its own reason, and nothing is written', () => {
  test('the corpus covers every kind of attack the issue names', () => {
    const named = ['zip-slip', 'zip-bomb', 'symlink', 'oversize-entry', 'tampered-evidence', 'tampered-manifest', 'wrong-schema-version', 'truncated', 'duplicate-entry', 'unknown-entry', 'bad-manifest-signature'];
    const reasons = named.map((n) => corpus.find((c) => c.name === n)?.reason);
    expect(reasons.every(Boolean)).toBe(true);
    // Each attack gets a message of its own.
    expect(new Set(reasons).size).toBe(named.length);
  });

  test.each([false, true])('every bundle of the corpus (as a copy: %s)', async (asCopy) => {
    for (const c of corpus) {
      const error = await refusedImport(emptyDir, c.file, { asCopy, limits: c.limits });
      expect(error, c.name).toBeInstanceOf(BundleError);
      const e = error as BundleError;
      expect(e.reason, `${c.name}: ${e.message}`).toBe(c.reason);
      expect(e.describe('en').length, c.name).toBeGreaterThan(10);
      expect(e.describe('zh-CN'), c.name).toMatch(/[\u4e00-\u9fff]/);
      expect(e.describe('zh-CN')).not.toBe(e.describe('en'));
    }
  }, 120_000);

  test('a hostile entry name never reaches a message unescaped', async () => {
    const slip = corpus.find((c) => c.name === 'zip-slip')!;
    const e = (await refusedImport(emptyDir, slip.file)) as BundleError;
    expect(e.describe('en')).toContain('../../../../tmp/pwned.txt');
    expect(e.toPayload('zh-CN')).toMatchObject({ code: 'validation', details: { reason: 'unsafe-path' } });
  });

  test('a project that is already here (or whose chain is) is refused unless imported as a copy', async () => {
    const here = (await refusedImport(sourceDir, good)) as BundleError;
    expect(here.reason).toBe('project-exists');
    expect(here.describe('zh-CN')).toContain('作为副本导入');

    // A deleted project leaves its chain behind: importing it under the same id would fork that history.
    const deleted = copyDataDir(sourceDir);
    const core = tempCore({ dataDir: deleted });
    const [project] = core.db.prepare('SELECT id FROM projects').all() as { id: string }[];
    removeProject(core, project!.id);
    core.close();
    expect(((await refusedImport(deleted, good)) as BundleError).reason).toBe('project-exists');
  });

  test('a missing file, a folder and an empty file are refused as such', async () => {
    expect(((await refusedImport(emptyDir, '/nonexistent/bundle.adsg')) as BundleError).reason).toBe('io');
    expect(((await refusedImport(emptyDir, tempDir())) as BundleError).reason).toBe('io');
    const empty = `${tempDir()}/empty.adsg`;
    (await import('node:fs')).writeFileSync(empty, '');
    expect(((await refusedImport(emptyDir, empty)) as BundleError).reason).toBe('not-a-bundle');
  });
});
