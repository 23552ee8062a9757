import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createDemoProject } from '../../../electron/core/demo/example-motors';
import { listEvidence } from '../../../electron/core/db/repos/evidence';
import { recordStagedEvidence, removeEvidence } from '../../../electron/core/evidence-records/service';
import { storedPath, tempDir as storeTempDir } from '../../../electron/core/evidence/paths';
import { collectUnreferenced, writeWithEvidence } from '../../../electron/core/evidence/references';
import { stageBytes } from '../../../electron/core/evidence/stage';
import { openWorkFolder } from '../../../electron/core/evidence/work-folder';
import { createProject } from '../../../electron/core/projects/service';
import { tempCore } from '../../helpers/temp';
import { otherWriter } from '../db/other-writer';

const fields = { name: 'P', organization: 'Org', creditCode: '91350100M000100Y43', role: 'vehicle-manufacturer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: 'A', reviewer: 'R' } as const;

/** A project with one evidence file recorded through the real path (stage, then record and place). */
async function withEvidence(core: ReturnType<typeof tempCore>, content: string) {
  const project = createProject(core, fields);
  const work = openWorkFolder(core.db, core.paths.evidence, 'ingest');
  const staged = await stageBytes(Buffer.from(content), work.path);
  work.track([staged.sha256]);
  const evidence = recordStagedEvidence(core, project.id, 'note.txt', staged);
  work.close();
  return { project, evidence };
}

describe('stored files follow the rows', () => {
  test('removing evidence keeps the bytes while another project refers to them, and removes them with the last row', async () => {
    const core = tempCore();
    const a = await withEvidence(core, 'shared bytes');
    const b = await withEvidence(core, 'shared bytes');
    const file = storedPath(core.paths.evidence, a.evidence.sha256);

    await removeEvidence(core, a.evidence.id);
    expect(existsSync(file)).toBe(true);
    await removeEvidence(core, b.evidence.id);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(storeTempDir(core.paths.evidence))).toBe(false);
    core.close();
  });

  test('deciding to delete waits for another process committing a row for the same content, and keeps the file', async () => {
    const core = tempCore();
    const { project, evidence } = await withEvidence(core, 'contested bytes');
    await removeEvidence(core, evidence.id);
    // The bytes are back in the store, as an ingest in another process would have placed them…
    const file = storedPath(core.paths.evidence, evidence.sha256);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'contested bytes');
    // …and that process is committing its row right now, holding the write lock.
    const other = await otherWriter(
      join(core.dataDir, 'workbench.sqlite'),
      `INSERT INTO evidence (id, project_id, sha256, file_name, size, media_type, description, captured_by, captured_at)
       VALUES ('e-other', '${project.id}', '${evidence.sha256}', 'note.txt', 15, 'text/plain', '', 'B', '2026-11-16T00:00:00.000Z')`,
      300,
    );

    expect(collectUnreferenced(core.db, core.paths.evidence, [evidence.sha256])).toBe(0);
    expect(await other.done).toBe(0);
    expect(existsSync(storedPath(core.paths.evidence, evidence.sha256))).toBe(true);
    expect(listEvidence(core.db, project.id).map((e) => e.id)).toEqual(['e-other']);
    core.close();
  });

  test('a transaction that fails after placing a file leaves it unreferenced only until its work folder closes', async () => {
    const core = tempCore();
    const work = openWorkFolder(core.db, core.paths.evidence, 'import');
    const staged = await stageBytes(Buffer.from('never recorded'), work.path);
    work.track([staged.sha256]);
    expect(() =>
      writeWithEvidence(core.db, core.paths.evidence, (place) => {
        expect(place(staged)).toBe(true);
        throw new Error('the rows failed');
      }),
    ).toThrow('the rows failed');
    expect(existsSync(storedPath(core.paths.evidence, staged.sha256))).toBe(true);

    work.close();
    expect(existsSync(storedPath(core.paths.evidence, staged.sha256))).toBe(false);
    expect(existsSync(core.paths.evidence)).toBe(false);
    core.close();
  });

  test('the sample project is made in one transaction: a failure part-way leaves no project and no stored file', async () => {
    const core = tempCore();
    // The findings come last, after the evidence is placed: make SQLite refuse them.
    core.db.exec("CREATE TEMP TRIGGER refuse_findings BEFORE INSERT ON findings BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    await expect(createDemoProject(core)).rejects.toThrow('refused for the test');
    expect(core.db.prepare('SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM evidence) AS n').get()).toEqual({ n: 0 });
    expect(existsSync(core.paths.evidence)).toBe(false);
    core.close();
  });
});
