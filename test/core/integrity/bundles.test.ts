import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json';
import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import { BundleError } from '../../../electron/core/bundles/errors';
import { importBundle } from '../../../electron/core/bundles/import';
import type { Core } from '../../../electron/core/core';
import { produceDossier } from '../../../electron/core/dossier/service';
import { AppError } from '../../../electron/core/errors';
import { checkDataFolder } from '../../../electron/core/integrity/doctor';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { headlessPorts } from '../../../electron/core/ports';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { createIdentity } from '../../../electron/core/signing';
import { exportTo } from '../../fixtures/bundles/sample';
import { readParts, rebuilt, writeZip } from '../../fixtures/bundles/hostile';
import { tempCore, tempDir } from '../../helpers/temp';
import { acceptedDemo, tamper } from './support';

const PASS = 'bundle-integrity-2026';
let source: Core;
let projectId = '';
let identityId = '';
let bundle = '';

/** A signed dossier of the project's latest accepted revision in `core`, written to a file. */
async function dossierOf(core: Core, id: string): Promise<string> {
  const { pdf } = await produceDossier(core, headlessPorts, { projectId: id, lang: 'en', identityId, passphrase: PASS, jobId: 'd' });
  const file = join(tempDir(), 'dossier.pdf');
  writeFileSync(file, pdf);
  return file;
}

beforeAll(async () => {
  ({ core: source, projectId } = await acceptedDemo());
  identityId = (await createIdentity(source.paths.identities, { name: '李伟 Li Wei', organisation: 'Example Audit', passphrase: PASS, keyBits: 2048, now: source.now() })).id;
  bundle = await exportTo(source, projectId);
}, 60_000);

describe('projects that came in a bundle pass the integrity check', () => {
  test('imported with their chain, as a copy, and as a copy of a copy', async () => {
    const target = tempCore();
    await importBundle(target, bundle);
    const copy = await importBundle(target, bundle, { asCopy: true });
    const copyOfCopy = await importBundle(target, await exportTo(target, copy.projectId), { asCopy: true });
    for (const id of [projectId, copy.projectId, copyOfCopy.projectId]) {
      expect(checkChainIntegrity(target, id), id).toMatchObject({ ok: true, problems: [], snapshots: 1 });
    }
    // Edited further in the copy, reviewed again: still sound, now with its own accepted revision.
    saveChecklistAnswer(target, { projectId: copy.projectId, itemId: 'adsg-2026:ms-05', result: 'partially-conforming', notes: 'list drafted', justification: '' });
    submitForReview(target, copy.projectId);
    acceptRevision(target, copy.projectId);
    expect(checkChainIntegrity(target, copy.projectId)).toMatchObject({ ok: true, snapshots: 2 });
    const doctor = checkDataFolder(target);
    expect(doctor.ok).toBe(true);
    expect(doctor.chains.map((c) => c.chain)).toEqual(expect.arrayContaining(['', projectId, copy.projectId, copyOfCopy.projectId]));
    target.close();
  }, 60_000);

  test('a bundle whose project data was edited to disagree with its own trail is refused, naming the field', async () => {
    const parts = await readParts(bundle);
    const entry = parts.entries.find((e) => e.name === 'project.json')!;
    const project = JSON.parse(entry.data.toString('utf8')) as { workspace: { answers: { itemId: string; result: string }[] } };
    project.workspace.answers.find((a) => a.itemId === 'adsg-2026:ms-05')!.result = 'conforming';
    const forged = await writeZip(join(tempDir(), 'forged.adsg'), rebuilt({ ...parts, entries: parts.entries.map((e) => (e === entry ? { name: e.name, data: Buffer.from(canonicalJson(project)) } : e)) }));
    for (const asCopy of [false, true]) {
      const error = await importBundle(tempCore(), forged, { asCopy }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).reason).toBe('project-inconsistent');
      expect((error as BundleError).describe('en')).toBe(
        'The project data contradicts itself: Checklist answer adsg-2026:ms-05: field result is "conforming" in the database but "nonconforming" in the audit trail.',
      );
      expect((error as BundleError).describe('zh-CN')).toContain('检查项结论 adsg-2026:ms-05 的字段 result 与审计日志不符');
    }
  });
});

describe('dossiers going into and coming out of a bundle', () => {
  let genuine = '';
  let otherRevision = '';

  beforeAll(async () => {
    genuine = await dossierOf(source, projectId);
    // The same project reviewed again elsewhere: a genuine dossier, of a revision never accepted here.
    const elsewhere = tempCore();
    await importBundle(elsewhere, bundle);
    const signer = await createIdentity(elsewhere.paths.identities, { name: '陈静 Chen Jing', organisation: 'Example Audit', passphrase: PASS, keyBits: 2048, now: elsewhere.now() });
    saveChecklistAnswer(elsewhere, { projectId, itemId: 'adsg-2026:ms-05', result: 'conforming', notes: 'fixed', justification: '' });
    submitForReview(elsewhere, projectId);
    acceptRevision(elsewhere, projectId);
    const { pdf } = await produceDossier(elsewhere, headlessPorts, { projectId, lang: 'en', identityId: signer.id, passphrase: PASS, jobId: 'e' });
    otherRevision = join(tempDir(), 'revision-2.pdf');
    writeFileSync(otherRevision, pdf);
    elsewhere.close();
  }, 90_000);

  test('export takes a dossier that verifies and is of an accepted revision; import reports it so', async () => {
    const withDossier = await exportTo(source, projectId, { dossiers: [genuine] });
    const result = await importBundle(tempCore(), withDossier);
    expect(result.dossierChecks).toEqual([expect.objectContaining({ problem: null, revision: 1 })]);
    const copied = await importBundle(tempCore(), withDossier, { asCopy: true });
    expect(copied.dossierChecks).toEqual([expect.objectContaining({ problem: null, revision: 1 })]);
  });

  test('export refuses a tampered dossier and a dossier of another revision, naming each in both languages', async () => {
    const bytes = readFileSync(genuine);
    bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
    const tampered = join(tempDir(), 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const refusal = async (file: string) => {
      const e = await exportTo(source, projectId, { dossiers: [file] }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BundleError);
      expect((e as BundleError).reason).toBe('dossier-invalid');
      return { en: (e as BundleError).describe('en'), zh: (e as BundleError).describe('zh-CN') };
    };
    expect(await refusal(tampered)).toEqual({
      en: 'The dossier tampered.pdf cannot go into the bundle: The dossier tampered.pdf does not verify (a signature, or the embedded assessment against its hash).',
      zh: '报告文件 tampered.pdf 不能放入项目包：报告 tampered.pdf 的签名未通过验证（或所附评估数据与其哈希不符）。',
    });
    const other = await refusal(otherRevision);
    expect(other.en).toMatch(/^The dossier revision-2\.pdf cannot go into the bundle: The dossier revision-2\.pdf carries snapshot [0-9a-f]{64}, which is not that of any accepted revision of this project\.$/);
    expect(other.zh).toMatch(/所载快照 [0-9a-f]{64} 不是本项目任何已通过修订版的快照/);
  });

  test('import reports a dossier of another revision that came in a bundle, and still imports the project', async () => {
    const parts = await readParts(bundle);
    const pdf = readFileSync(otherRevision);
    const name = `dossiers/${createHash('sha256').update(pdf).digest('hex')}.pdf`;
    const withOther = await writeZip(join(tempDir(), 'other.adsg'), rebuilt({ ...parts, entries: [...parts.entries, { name, data: pdf }] }));
    const result = await importBundle(tempCore(), withOther, { asCopy: true });
    expect(result.dossierChecks).toEqual([expect.objectContaining({ problem: 'not-accepted', revision: null })]);
  });

  test('export refuses a project that fails the integrity check', async () => {
    const { core, projectId: id } = await acceptedDemo();
    core.close();
    tamper(core.dataDir, (db) => db.prepare("UPDATE answers SET notes = 'edited' WHERE project_id = ? AND item_id = 'adsg-2026:ms-01'").run(id));
    const reopened = tempCore({ dataDir: core.dataDir });
    const e = await exportTo(reopened, id).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('integrity');
    reopened.close();
  });
});
