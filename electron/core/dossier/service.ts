import { createHash } from 'node:crypto';
import type { Workspace } from '../../../shared/ipc/channels/audit';
import { Workspace as WorkspaceSchema } from '../../../shared/ipc/channels/audit';
import { listTrail } from '../audit-trail/trail';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { assertProjectIntegrity } from '../integrity/project-integrity';
import { latestAccepted } from '../db/repos/revisions';
import { verifyAll } from '../evidence/verify';
import { AppError } from '../errors';
import { runJob } from '../jobs/run-job';
import type { Ports } from '../ports';
import { loadPinnedPack } from '../rules/installed';
import { signPdf, unlockIdentity, getIdentity } from '../signing';
import { SigningError } from '../signing/errors';
import { buildDossierModel, type DossierLang } from './build-model';
import { dossierJob } from './dossier-job';
import { readSignatureBoxes } from './signature-boxes';
import { writeTransaction } from '../db/transaction';

/** Signing errors as the user reads them. */
export function signingAppError(error: unknown): unknown {
  if (!(error instanceof SigningError)) return error;
  if (error.code === 'bad-passphrase') return new AppError('validation', 'error.signing', { detail: error.message }, [{ path: 'passphrase', key: 'v.badPassphrase' }]);
  if (error.code === 'not-found') return new AppError('not-found', 'error.not-found', { what: error.message });
  return new AppError(error.code === 'invalid-pdf' || error.code === 'bad-input' ? 'validation' : 'io', 'error.signing', { detail: error.message });
}

/** The trail of a project up to (and including) the row that was the head when the revision was accepted. */
function trailSummary(core: Core, projectId: string, head: string) {
  const rows = listTrail(core.db, projectId).reverse();
  const end = rows.findIndex((r) => r.hash === head);
  const upTo = end === -1 ? rows : rows.slice(0, end + 1);
  const byKind: Record<string, number> = {};
  for (const r of upTo) byKind[r.entity] = (byKind[r.entity] ?? 0) + 1;
  return { rows: upTo.length, head, first: upTo[0]?.at ?? null, last: upTo.at(-1)?.at ?? null, byKind };
}

/** Every evidence file of the locked revision must still have its recorded hash; a failure names the file. */
async function checkEvidence(core: Core, ws: Workspace): Promise<void> {
  const problems = await verifyAll(core.paths.evidence, ws.evidence.map((e) => ({ sha256: e.sha256, size: e.size, name: e.fileName })));
  if (problems.length) throw new AppError('integrity', 'error.integrity-before-signing', { detail: problems.map((p) => `${p.status}: ${p.name}`).join('; ') });
}

export interface DossierRequest {
  projectId: string;
  lang: DossierLang;
  identityId: string;
  passphrase: string;
  jobId: string;
}

/** A signed dossier, not yet handed to anyone. */
export interface ProducedDossier {
  pdf: Buffer;
  revision: number;
  sha256: string;
  /** The signing identity's fingerprint. */
  signer: string;
}

/**
 * Makes the signed dossier of a project's latest accepted revision: integrity checks, the model,
 * the PDF laid out in a worker (progress as `job:progress`), then the auditor's signature over the
 * whole file with its widget on the signature page. Same revision, identity and clock give the same
 * bytes. Records nothing: {@link deliverDossier} records the signature once the file is written.
 * @throws AppError `integrity` when the project integrity check or an evidence file fails, naming it.
 */
export async function produceDossier(core: Core, ports: Ports, req: DossierRequest): Promise<ProducedDossier> {
  const locked = latestAccepted(core.db, req.projectId);
  if (!locked) throw new AppError('conflict', 'error.not-accepted');
  // Chain, anchor, stored state against the trail, snapshots against the accept rows — before the
  // snapshot is even read: it may be the very thing that was forged.
  assertProjectIntegrity(core, req.projectId, 'signing');
  const ws = WorkspaceSchema.parse(JSON.parse(locked.snapshot));
  const pin = ws.project.rulesPack;
  if (!pin.version || !pin.contentHash) throw new AppError('conflict', 'error.not-accepted');
  const pack = await loadPinnedPack(core.rulesDir, { id: pin.id, version: pin.version, contentHash: pin.contentHash });
  await checkEvidence(core, ws);

  let signer;
  try {
    signer = await unlockIdentity(core.paths.identities, req.identityId, req.passphrase);
  } catch (e) {
    throw signingAppError(e);
  }
  const now = core.now();
  const identity = await getIdentity(core.paths.identities, req.identityId);
  const model = buildDossierModel({
    workspace: ws,
    revision: locked.revision,
    pack,
    trail: trailSummary(core, req.projectId, locked.revision.trailHead ?? ''),
    lang: req.lang,
    generatedAt: now,
    signer: { name: identity.name, organisation: identity.organisation, fingerprint: identity.id },
  });
  const rendered = await core.jobs.run(req.jobId, (signal) =>
    runJob(dossierJob, model, { signal, onProgress: ({ done, total }) => ports.emit('job:progress', { jobId: req.jobId, kind: 'dossier', label: model.cover.title, done, total }) }),
  );
  const box = rendered.signatureBoxes.find((b) => b.role === 'auditor');
  let pdf: Buffer;
  try {
    pdf = await signPdf(Buffer.from(rendered.pdf), {
      signer,
      signingTime: now,
      reason: 'ADSG assessment dossier — auditor signature / 审核员签署',
      location: ws.project.site || undefined,
      widget: box && { page: box.page, rect: box.rect },
    });
  } catch (e) {
    throw signingAppError(e);
  }
  return { pdf, revision: locked.revision.number, sha256: createHash('sha256').update(pdf).digest('hex'), signer: identity.id };
}

/** Writes a made dossier where the user chose; resolves with that path, or null when they chose not to save it. */
export type DossierDelivery = (pdf: Buffer, revision: number) => Promise<string | null>;

/** A dossier made and handed over (or not, when `path` is null: then nothing was recorded). */
export interface DeliveredDossier {
  path: string | null;
  revision: number;
  sha256: string;
  bytes: number;
}

/**
 * The one way a dossier leaves the workbench, for the CLI and the app alike: produce it, let
 * `deliver` write it, and only once it is written record "dossier signed" in the trail and anchor
 * the chain's end. A delivery that fails or is cancelled leaves no record of a file that does not exist.
 */
export async function deliverDossier(core: Core, ports: Ports, req: DossierRequest, deliver: DossierDelivery): Promise<DeliveredDossier> {
  const made = await produceDossier(core, ports, req);
  const path = await deliver(made.pdf, made.revision);
  if (path !== null) {
    writeTransaction(core.db, () =>
      recordChange(core, { projectId: req.projectId, entity: 'dossier', entityId: String(made.revision), action: 'sign', before: null, after: { revision: made.revision, lang: req.lang, sha256: made.sha256, signer: made.signer } }),
    );
    core.anchors.anchorNow();
  }
  return { path, revision: made.revision, sha256: made.sha256, bytes: made.pdf.length };
}

/** The reviewer's countersignature: an incremental update over the signed dossier, widget in the reviewer box. */
export async function countersignDossier(core: Core, pdf: Buffer, identityId: string, passphrase: string): Promise<Buffer> {
  try {
    const signer = await unlockIdentity(core.paths.identities, identityId, passphrase);
    const box = readSignatureBoxes(pdf).find((b) => b.role === 'reviewer');
    return await signPdf(pdf, { signer, signingTime: core.now(), reason: 'ADSG assessment dossier — reviewer countersignature / 复核人会签', widget: box && { page: box.page, rect: box.rect } });
  } catch (e) {
    throw signingAppError(e);
  }
}
