import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import { trailHead, verifyTrail } from '../../../electron/core/audit-trail/trail';
import { BundleError } from '../../../electron/core/bundles/errors';
import { exportBundle } from '../../../electron/core/bundles/export';
import { importBundle } from '../../../electron/core/bundles/import';
import type { BundleProgress } from '../../../electron/core/bundles/progress';
import { listChainRows, listRevisionsWithSnapshots } from '../../../electron/core/bundles/project-rows';
import { verifyCopyProvenance } from '../../../electron/core/bundles/provenance';
import type { Core } from '../../../electron/core/core';
import { produceDossier } from '../../../electron/core/dossier/service';
import { verifyDossier } from '../../../electron/core/dossier/verify';
import { verifyProjectEvidence } from '../../../electron/core/evidence-records/service';
import { storedPath } from '../../../electron/core/evidence/paths';
import { headlessPorts } from '../../../electron/core/ports';
import { createProject } from '../../../electron/core/projects/service';
import { currentRevision } from '../../../electron/core/review/service';
import { createIdentity, exportCertificate, importTrustedCertificates, unlockIdentity } from '../../../electron/core/signing';
import { loadWorkspace } from '../../../electron/core/workspace/service';
import { acceptedSample, exportTo, FIXED_NOW } from '../../fixtures/bundles/sample';
import { tempCore, tempDir } from '../../helpers/temp';

const PASS = '审核 passphrase 2026';
let source: Core;
let projectId = '';
let bundle = '';
let identityId = '';

beforeAll(async () => {
  ({ core: source, projectId } = await acceptedSample());
  bundle = await exportTo(source, projectId);
  identityId = (await createIdentity(source.paths.identities, { name: '李伟 Li Wei', organisation: 'Example Audit', passphrase: PASS, now: FIXED_NOW() })).id;
}, 60_000);

/** What must survive a round trip, without the ids a copy changes. */
function content(core: Core, id: string) {
  const ws = loadWorkspace(core, id);
  return {
    answers: ws.answers.map(({ projectId: _p, ...a }) => a).sort((a, b) => a.itemId.localeCompare(b.itemId)),
    evidence: ws.evidence.map((e) => [e.sha256, e.size, e.fileName, e.itemIds]).sort(),
    findings: ws.findings.map((f) => [f.number, f.title, f.severity, f.status]),
    flows: ws.flows.map((f) => [f.position, f.name, f.individuals]),
    questions: ws.questions.length,
    overrides: ws.overrides.map((o) => [o.outcome, o.justification]),
    revisions: listRevisionsWithSnapshots(core.db, id).map(({ projectId: _p, ...r }) => r),
  };
}

describe('export → import into an empty data folder', () => {
  test('under the same id: the same workspace, revisions, snapshots, evidence and trail head', async () => {
    const target = tempCore({ now: FIXED_NOW });
    const result = await importBundle(target, bundle);
    expect(result).toMatchObject({ projectId, asCopy: false, trailHead: trailHead(source.db, projectId), originalTrailHead: trailHead(source.db, projectId), evidence: 5, newEvidenceFiles: 5, signer: null });
    expect(loadWorkspace(target, projectId)).toEqual(loadWorkspace(source, projectId));
    expect(listRevisionsWithSnapshots(target.db, projectId)).toEqual(listRevisionsWithSnapshots(source.db, projectId));
    expect(listChainRows(target.db, projectId)).toEqual(listChainRows(source.db, projectId));
    expect(verifyTrail(target.db, projectId)).toMatchObject({ ok: true, head: trailHead(source.db, projectId) });
    expect(await verifyProjectEvidence(target, projectId)).toMatchObject({ ok: true, checked: 5 });
    expect(currentRevision(target, projectId)).toMatchObject({ state: 'accepted' });
    // The machine-wide chain records the import without touching the project's chain.
    expect(listChainRows(target.db, '').at(-1)).toMatchObject({ entity: 'bundle', action: 'import', entityId: projectId });
  });

  // Unpacked on the store's file system, inside the data folder, so a crash's leftovers are found by the next start.
  test('unpacks in a work folder in evidence/.tmp and leaves nothing there (not even the folder)', async () => {
    const target = tempCore({ now: FIXED_NOW });
    const temp = join(target.paths.evidence, '.tmp');
    const seen = new Set<string>();
    await importBundle(target, bundle, { onProgress: () => readdirSync(temp).forEach((n) => seen.add(n)) });
    expect([...seen].some((n) => /^import-\d+-/.test(n))).toBe(true);
    expect(existsSync(temp)).toBe(false);
  });

  test('as a copy: new ids, the same answers and evidence, and a genesis that carries the original chain', async () => {
    const target = tempCore({ now: FIXED_NOW });
    const copy = await importBundle(target, bundle, { asCopy: true });
    expect(copy.projectId).not.toBe(projectId);
    expect(copy).toMatchObject({ asCopy: true, originalProjectId: projectId, originalTrailHead: trailHead(source.db, projectId) });
    expect(content(target, copy.projectId)).toEqual(content(source, projectId));
    const ws = loadWorkspace(target, copy.projectId);
    const old = loadWorkspace(source, projectId);
    const oldIds = new Set([...old.flows, ...old.evidence, ...old.findings].map((r) => r.id));
    expect([...ws.flows, ...ws.evidence, ...ws.findings].some((r) => oldIds.has(r.id))).toBe(false);
    // Findings still point at the copy's evidence.
    const evidenceIds = new Set(ws.evidence.map((e) => e.id));
    expect(ws.findings.flatMap((f) => f.evidenceIds).every((id) => evidenceIds.has(id))).toBe(true);

    const [genesis, ...rest] = listChainRows(target.db, copy.projectId);
    expect(rest).toEqual([]);
    expect(genesis).toMatchObject({ entity: 'bundle', action: 'import-copy', entityId: copy.projectId });
    const recorded = JSON.parse(genesis!.after!) as { originalProjectId: string; originalTrailHead: string; originalTrail: unknown[] };
    expect(recorded).toMatchObject({ originalProjectId: projectId, originalTrailHead: trailHead(source.db, projectId) });
    expect(recorded.originalTrail).toEqual(listChainRows(source.db, projectId));
    expect(verifyTrail(target.db, copy.projectId)).toMatchObject({ ok: true, rows: 1 });
    expect(verifyCopyProvenance(target.db, copy.projectId)).toEqual({ originalProjectId: projectId, originalTrailHead: trailHead(source.db, projectId), depth: 1 });
    expect(verifyCopyProvenance(target.db, copy.projectId.replace(/.$/, '0'))).toBeNull();

    // A copy of the copy keeps both histories, nested.
    const again = await importBundle(target, await exportTo(target, copy.projectId), { asCopy: true });
    expect(verifyCopyProvenance(target.db, again.projectId)).toMatchObject({ originalProjectId: copy.projectId, depth: 2 });
  });

  test('as a copy beside the original: evidence is shared, edits stay apart, the copy reopens as revision 2', async () => {
    const copy = await importBundle(source, bundle, { asCopy: true });
    expect(copy.newEvidenceFiles).toBe(0);
    saveChecklistAnswer(source, { projectId: copy.projectId, itemId: 'adsg-2026:ms-01', result: 'nonconforming', notes: 'copy only', justification: 'x' });
    expect(loadWorkspace(source, projectId).answers.find((a) => a.itemId === 'adsg-2026:ms-01')?.result).toBe('conforming');
    expect(currentRevision(source, copy.projectId)).toMatchObject({ number: 2, state: 'draft' });
    expect(verifyTrail(source.db, copy.projectId)).toMatchObject({ ok: true });
    expect(verifyTrail(source.db, projectId)).toMatchObject({ ok: true });
  });
});

describe('export', () => {
  test('a project never opened (rules pack not pinned yet, no evidence) round-trips too', async () => {
    const core = tempCore({ now: FIXED_NOW });
    const project = createProject(core, { name: '新项目', organization: 'O', creditCode: '91350100M000100Y43', role: 'dealer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: '', reviewer: '' });
    const file = await exportTo(core, project.id);
    const target = tempCore();
    await importBundle(target, file);
    expect(loadWorkspace(target, project.id)).toEqual(loadWorkspace(core, project.id));
    expect(loadWorkspace(target, project.id).project.rulesPack).toEqual({ id: 'adsg-2026', version: null, contentHash: null });
  });


  test('is deterministic for the same project and clock, and reports progress to the last byte', async () => {
    const seen: BundleProgress[] = [];
    const dir = tempDir();
    const a = await exportBundle(source, projectId, join(dir, 'a.adsg'), { onProgress: (p) => seen.push(p) });
    const b = await exportBundle(source, projectId, join(dir, 'b.adsg'));
    expect(a.sha256).toBe(b.sha256);
    expect(createHash('sha256').update(readFileSync(join(dir, 'a.adsg'))).digest('hex')).toBe(a.sha256);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p, i) => p.phase === 'export' && p.done <= p.total && (i === 0 || p.done >= seen[i - 1]!.done))).toBe(true);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(readdirSync(dir).sort()).toEqual(['a.adsg', 'b.adsg']);
  });

  test('stops on an evidence file altered in the store, and leaves no file behind', async () => {
    const core = tempCore({ dataDir: tempDir(), now: FIXED_NOW });
    await importBundle(core, bundle);
    const [evidence] = loadWorkspace(core, projectId).evidence;
    writeFileSync(storedPath(core.paths.evidence, evidence!.sha256), 'replaced');
    const out = join(tempDir(), 'x.adsg');
    await expect(exportBundle(core, projectId, out)).rejects.toMatchObject({ reason: 'evidence-damaged' });
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  test('can be cancelled, leaving no file behind', async () => {
    const controller = new AbortController();
    const out = join(tempDir(), 'x.adsg');
    const run = exportBundle(source, projectId, out, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ reason: 'cancelled' });
    expect(readdirSync(dirname(out))).toEqual([]);
  });
});

describe('signed bundles and dossiers', () => {
  test('a signed manifest names its signer, trusted once the certificate is in the trust store', async () => {
    const signer = await unlockIdentity(source.paths.identities, identityId, PASS);
    const signed = await exportTo(source, projectId, { signer });
    const target = tempCore();
    expect((await importBundle(target, signed, { asCopy: true })).signer).toMatchObject({ fingerprint: identityId, commonName: '李伟 Li Wei', trusted: false });
    await importTrustedCertificates(target.paths.trust, await exportCertificate(source.paths.identities, identityId, 'der'));
    expect((await importBundle(target, signed, { asCopy: true })).signer).toMatchObject({ trusted: true });
  });

  test('a dossier handed over in the bundle comes out byte for byte and still verifies', async () => {
    const { pdf } = await produceDossier(source, headlessPorts, { projectId, lang: 'en', identityId, passphrase: PASS, jobId: 't' });
    const file = join(tempDir(), 'dossier.pdf');
    writeFileSync(file, pdf);
    const withDossier = await exportTo(source, projectId, { dossiers: [file] });
    const out = tempDir();
    const result = await importBundle(tempCore(), withDossier, { dossierDir: out });
    expect(result.dossiers).toHaveLength(1);
    const back = readFileSync(result.dossiers[0]!);
    expect(back.equals(pdf)).toBe(true);
    expect(await verifyDossier(back, 'dossier.pdf', [])).toMatchObject({ ok: true, assessment: { matches: true, projectId } });
  }, 60_000);

  test('a file that is not a valid dossier of this project is not put in a bundle', async () => {
    const notPdf = join(tempDir(), 'notes.pdf');
    writeFileSync(notPdf, '%PDF-1.7 not really');
    await expect(exportTo(source, projectId, { dossiers: [notPdf] })).rejects.toMatchObject({ reason: 'dossier-invalid' });
    await expect(exportTo(source, projectId, { dossiers: ['/nonexistent.pdf'] })).rejects.toMatchObject({ reason: 'dossier-invalid' });
  });
});

describe('a failure after the checks takes back what it stored', () => {
  test('a project that appears before the transaction (another process imported it meanwhile): refused, nothing stored', async () => {
    const target = tempCore();
    let raced = false;
    const run = importBundle(target, bundle, {
      onProgress: (p) => {
        if (p.phase !== 'verify' || raced) return;
        raced = true;
        // Another window imports the same project while this one unpacks.
        target.db.prepare("INSERT INTO projects (id, name, organization, credit_code, role, ciio, site, auditor, reviewer, status, created_at, updated_at) VALUES (?, 'x', 'x', 'x', 'x', 0, '', '', '', 'active', '', '')").run(projectId);
      },
    });
    await expect(run).rejects.toBeInstanceOf(BundleError);
    await expect(run).rejects.toMatchObject({ reason: 'project-exists' });
    const ws = loadWorkspace(source, projectId);
    expect(ws.evidence.some((e) => existsSync(storedPath(target.paths.evidence, e.sha256)))).toBe(false);
  });

  test('a failure inside the transaction, after the evidence was placed: no rows, and the files it placed go again', async () => {
    const target = tempCore();
    const placed: string[] = [];
    // SQLite refuses the evidence rows, which come after the files are placed.
    target.db.exec("CREATE TEMP TRIGGER refuse_evidence BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    const run = importBundle(target, bundle, {
      onProgress: (p) => {
        if (p.phase === 'store') placed.push(...readdirSync(target.paths.evidence).filter((n) => n !== '.tmp'));
      },
    });
    await expect(run).rejects.toThrow('refused for the test');
    expect(placed.length).toBeGreaterThan(0);
    expect(target.db.prepare('SELECT count(*) AS n FROM projects').get()).toEqual({ n: 0 });
    expect(existsSync(target.paths.evidence)).toBe(false);
  });
});
