import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json';
import type { Core } from '../../../electron/core/core';
import { createDemoProject } from '../../../electron/core/demo/example-motors';
import { countersignDossier, CountersignRefused, inspectForCountersign } from '../../../electron/core/dossier/countersign';
import { produceDossier } from '../../../electron/core/dossier/service';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { headlessPorts, type Ports } from '../../../electron/core/ports';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { createIdentity, signPdf, unlockIdentity } from '../../../electron/core/signing';
import { overlayPage } from '../signing/hostile-pdfs';
import { makeDossierPdf } from '../signing/support';
import { tempCore, tempDir } from '../../helpers/temp';

const PASS = 'countersign-2026';
let core: Core;
let projectId: string;
let auditorId: string;
let reviewerId: string;
let dossier: Buffer;

beforeAll(async () => {
  setWorkersDir(join(process.cwd(), 'dist/workers'));
  core = tempCore({ now: () => new Date('2026-11-20T09:30:00Z') });
  projectId = (await createDemoProject(core)).id;
  submitForReview(core, projectId);
  acceptRevision(core, projectId);
  const identity = (name: string) => createIdentity(core.paths.identities, { name, organisation: 'Example Audit', passphrase: PASS, keyBits: 2048, now: core.now() });
  auditorId = (await identity('李伟 Li Wei')).id;
  reviewerId = (await identity('陈静 Chen Jing')).id;
  dossier = (await produceDossier(core, headlessPorts, { projectId, lang: 'en', identityId: auditorId, passphrase: PASS, jobId: 'a' })).pdf;
}, 120_000);

const refusal = async (pdf: Buffer): Promise<CountersignRefused> => {
  const error = await countersignDossier(core, pdf, 'd.pdf', reviewerId, PASS).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CountersignRefused);
  return error as CountersignRefused;
};

describe('countersigning checks the dossier before the key is touched', () => {
  test('a genuine dossier of an accepted revision here: countersigned, the auditor shown untrusted but not refused', async () => {
    const { pdf, preview } = await countersignDossier(core, dossier, 'd.pdf', reviewerId, PASS);
    expect(preview).toMatchObject({ projectInThisFolder: true, blockers: [], check: { ok: true, assessment: { projectId, revision: 1 } } });
    expect(preview.check.signatures[0]).toMatchObject({ trusted: false, signer: { commonName: '李伟 Li Wei' } });
    expect(pdf.length).toBeGreaterThan(dossier.length);
  }, 30_000);

  test('(1b) a dossier edited after the auditor signed is refused, naming the edit, in either language', async () => {
    const error = await refusal(overlayPage(dossier, 2));
    expect(error.preview.blockers).toEqual(['does-not-verify']);
    expect(error.describe('en')).toContain('revision 3: page content changed');
    expect(error.describe('zh-CN')).toContain('拒绝会签：该报告未通过验证');
  }, 30_000);

  test('a dossier that verifies but whose snapshot is not an accepted revision of this project here is refused', async () => {
    const snapshot = { project: { id: projectId, name: 'Example Motors' }, invented: true };
    const assessment = { format: 'adsg-assessment/1', projectId, revision: 1, snapshotHash: createHash('sha256').update(canonicalJson(snapshot)).digest('hex'), snapshot };
    const signer = await unlockIdentity(core.paths.identities, auditorId, PASS);
    const forged = await signPdf(await makeDossierPdf(assessment), { signer, signingTime: core.now() });
    const error = await refusal(forged);
    expect(error.preview).toMatchObject({ projectInThisFolder: true, blockers: ['not-an-accepted-revision'], check: { ok: true } });
    expect(error.describe('en')).toContain('is not an accepted revision of that project in this data folder');

    // Where the project is unknown, there is nothing to compare with: shown, not refused.
    const elsewhere = tempCore();
    const preview = await inspectForCountersign(elsewhere, forged, 'forged.pdf');
    expect(preview).toMatchObject({ projectInThisFolder: false, blockers: [] });
    elsewhere.close();
  }, 30_000);
});

describe('over IPC: verify in a worker, preview, then countersign exactly what was shown', () => {
  const portsFor = (pick: string, save: string): Ports => ({ ...headlessPorts, pickFiles: async () => [pick], saveFile: async () => save });

  test('dossier:verify reports the check; an untrusted auditor is told apart from a broken dossier', async () => {
    const dir = tempDir();
    const genuine = join(dir, 'genuine.pdf');
    writeFileSync(genuine, dossier);
    const result = await dispatch(core, 'dossier:verify', {}, portsFor(genuine, ''));
    expect(result).toMatchObject({ ok: true, value: { ok: false, untrustedOnly: true, file: 'genuine.pdf', revisions: 2 } });
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, overlayPage(dossier, 2));
    const bad = await dispatch(core, 'dossier:verify', {}, portsFor(broken, ''));
    expect(bad).toMatchObject({ ok: true, value: { ok: false, untrustedOnly: false, changes: [{ revision: 3, kind: 'page-content' }] } });
  }, 30_000);

  test('preview names the project, revision and auditor; countersign signs exactly the bytes shown, whatever happens to the file meanwhile', async () => {
    const dir = tempDir();
    const input = join(dir, 'd.pdf');
    const output = join(dir, 'd-countersigned.pdf');
    writeFileSync(input, dossier);
    const ports = portsFor(input, output);
    const shown = await dispatch(core, 'dossier:countersignPreview', {}, ports);
    expect(shown).toMatchObject({ ok: true, value: { preview: { blockers: [], projectInThisFolder: true, check: { assessment: { projectName: 'Example Motors', revision: 1 } } } } });
    const { previewId } = (shown as { value: { previewId: string } }).value;

    // The file on disk changes after the preview: what is countersigned is still what was shown.
    writeFileSync(input, Buffer.concat([dossier, Buffer.from('% changed\n')]));
    const wrong = await dispatch(core, 'dossier:countersign', { previewId, identityId: reviewerId, passphrase: 'wrong passphrase' }, ports);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation' } });
    const done = await dispatch(core, 'dossier:countersign', { previewId, identityId: reviewerId, passphrase: PASS }, ports);
    expect(done).toEqual({ ok: true, value: { saved: true, path: output } });
    expect(readFileSync(output).subarray(0, dossier.length).equals(dossier)).toBe(true);
    // Used once: the id is forgotten after a countersignature.
    expect(await dispatch(core, 'dossier:countersign', { previewId, identityId: reviewerId, passphrase: PASS }, ports)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);

  test('a dossier that does not verify is refused with the reasons in the user’s language', async () => {
    const dir = tempDir();
    const input = join(dir, 'bad.pdf');
    writeFileSync(input, overlayPage(dossier, 2));
    const ports = portsFor(input, join(dir, 'out.pdf'));
    const shown = await dispatch(core, 'dossier:countersignPreview', {}, ports);
    expect(shown).toMatchObject({ ok: true, value: { preview: { blockers: ['does-not-verify'] } } });
    const { previewId } = (shown as { value: { previewId: string } }).value;
    const refused = await dispatch(core, 'dossier:countersign', { previewId, identityId: reviewerId, passphrase: PASS }, ports);
    expect(refused).toMatchObject({ ok: false, error: { code: 'integrity', message: expect.stringContaining('第 3 版：页面内容被改动') } });
  }, 30_000);
});
