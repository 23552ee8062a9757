import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Evidence, EvidenceCheck } from '../../../shared/domain/evidence';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteEvidence, findEvidence, findEvidenceByHash, insertEvidence, linkEvidence, listEvidence, unlinkEvidence, updateEvidenceDescription } from '../db/repos/evidence';
import { EvidenceError } from '../evidence/errors';
import { evidenceSourceGuard, type CheckedSource } from '../evidence/source-guard';
import { JobError } from '../jobs/errors';
import type { StagedFile } from '../evidence/place';
import { writeWithEvidence } from '../evidence/references';
import { stageInWorker } from '../evidence/stage-in-worker';
import { openWorkFolder } from '../evidence/work-folder';
import { storedPath } from '../evidence/paths';
import { readPreview } from '../evidence/preview';
import { verifyAll } from '../evidence/verify';
import { AppError } from '../errors';
import type { Ports } from '../ports';
import { getProject } from '../projects/service';
import { listFindings } from '../db/repos/findings';
import { updateFinding } from '../findings/service';
import { isImageType, isTextType, mediaTypeOf } from './media-type';
import { writeTransaction } from '../db/transaction';

/** Evidence errors as the user sees them. */
function toAppError(error: unknown, file: string): unknown {
  if (error instanceof JobError) return new AppError(error.code === 'cancelled' ? 'io' : 'internal', error.code === 'cancelled' ? 'error.cancelled' : 'error.internal', { detail: error.message });
  if (!(error instanceof EvidenceError)) return error;
  if (error.code === 'not-found') return new AppError('not-found', 'error.evidence-missing', { what: file });
  if (error.code === 'not-a-file') return new AppError('validation', 'error.evidence-not-file', { what: file });
  if (error.code === 'in-data-folder') return new AppError('validation', 'error.evidence-in-data-folder', { what: file });
  if (error.code === 'replaced') return new AppError('validation', 'error.evidence-replaced', { what: file });
  if (error.code === 'cancelled') return new AppError('io', 'error.cancelled');
  return new AppError('io', 'error.io', { detail: error.message });
}

export function getEvidence(core: Core, id: string): Evidence {
  const e = findEvidence(core.db, id);
  if (!e) throw new AppError('not-found', 'error.not-found', { what: id });
  return e;
}

/**
 * Copies files into the store (hash and copy in one streaming pass, in a worker thread) and records
 * them in the project, linked to an item when given. Progress goes out as `job:progress` events
 * under `jobId`, and `jobs:cancel` stops it. A file already in the project is linked, not copied twice.
 */
export async function addEvidenceFiles(
  core: Core,
  ports: Ports,
  input: { projectId: string; paths: string[]; itemId?: string; jobId: string },
): Promise<Evidence[]> {
  getProject(core, input.projectId);
  // Never ingest the workbench's own data folder back into itself, whatever links lead there.
  const check = await evidenceSourceGuard({ dataDir: core.dataDir, database: core.paths.database, uploads: ports.uploadsFolder });
  const sources: CheckedSource[] = [];
  for (const path of input.paths) {
    if (!isAbsolute(path) || (ports.isUserChosenPath && !ports.isUserChosenPath(path))) {
      throw new AppError('validation', 'error.evidence-not-file', { what: path });
    }
    sources.push(await check(path).catch((error: unknown) => Promise.reject(toAppError(error, path))));
  }
  const total = sources.reduce((sum, s) => sum + s.size, 0);
  let before = 0;
  const added: Evidence[] = [];
  await core.jobs.run(input.jobId, async (signal) => {
    const work = openWorkFolder(core.db, core.paths.evidence, 'ingest');
    try {
      for (const [i, { path, fileName, identity, size }] of sources.entries()) {
        const emit = (done: number) => ports.emit('job:progress', { jobId: input.jobId, kind: 'evidence', label: fileName, done: before + done, total });
        let staged;
        try {
          staged = await stageInWorker(path, work.path, { signal, onProgress: emit, expectedIdentity: identity });
        } catch (error) {
          throw toAppError(error, input.paths[i]!);
        }
        before += size;
        work.track([staged.sha256]);
        added.push(recordStagedEvidence(core, input.projectId, fileName, staged, input.itemId));
      }
    } finally {
      work.close();
    }
  });
  return added;
}

/**
 * Records a staged file in a project, linked to an item when given, and puts its bytes in the
 * store in the same write transaction (a file already in the project is linked, not recorded twice).
 * The caller tracks the hash in its work folder first (see work-folder.ts).
 */
export function recordStagedEvidence(core: Core, projectId: string, fileName: string, staged: StagedFile, itemId?: string): Evidence {
  return writeWithEvidence(core.db, core.paths.evidence, (place) => {
    place(staged);
    let evidence = findEvidenceByHash(core.db, projectId, staged.sha256);
    if (!evidence) {
      const row = {
        id: randomUUID(),
        projectId,
        sha256: staged.sha256,
        fileName,
        size: staged.size,
        mediaType: mediaTypeOf(fileName),
        description: '',
        capturedBy: core.actor(),
        capturedAt: core.now().toISOString(),
      };
      insertEvidence(core.db, row);
      recordChange(core, { projectId, entity: 'evidence', entityId: row.id, action: 'add', before: null, after: row });
      evidence = { ...row, itemIds: [] };
    }
    if (itemId && !evidence.itemIds.includes(itemId)) {
      linkEvidence(core.db, evidence.id, itemId);
      recordChange(core, { projectId, entity: 'evidence', entityId: evidence.id, action: 'link', before: null, after: { itemId } });
    }
    return findEvidence(core.db, evidence.id)!;
  });
}

export function describeEvidence(core: Core, id: string, description: string): Evidence {
  return writeTransaction(core.db, () => {
    const before = getEvidence(core, id);
    updateEvidenceDescription(core.db, id, description);
    recordChange(core, { projectId: before.projectId, entity: 'evidence', entityId: id, action: 'update', before: { description: before.description }, after: { description } });
    return getEvidence(core, id);
  });
}

export function setEvidenceLink(core: Core, id: string, itemId: string, linked: boolean): Evidence {
  return writeTransaction(core.db, () => {
    const e = getEvidence(core, id);
    if (linked === e.itemIds.includes(itemId)) return e;
    if (linked) linkEvidence(core.db, id, itemId);
    else unlinkEvidence(core.db, id, itemId);
    recordChange(core, { projectId: e.projectId, entity: 'evidence', entityId: id, action: linked ? 'link' : 'unlink', before: null, after: { itemId } });
    return getEvidence(core, id);
  });
}

/**
 * Removes the record; the stored bytes go too once no project refers to them, decided under the
 * write lock after the delete commits (an ingest or import of the same content meanwhile keeps them).
 */
export async function removeEvidence(core: Core, id: string): Promise<{ id: string }> {
  const work = openWorkFolder(core.db, core.paths.evidence, 'remove');
  try {
    work.track([getEvidence(core, id).sha256]);
    writeTransaction(core.db, () => {
      const before = getEvidence(core, id);
      deleteEvidence(core.db, id);
      recordChange(core, { projectId: before.projectId, entity: 'evidence', entityId: id, action: 'delete', before, after: null });
      // Findings must not keep pointing at evidence that is gone.
      for (const f of listFindings(core.db, before.projectId).filter((x) => x.evidenceIds.includes(id))) {
        updateFinding(core, f.id, { evidenceIds: f.evidenceIds.filter((x) => x !== id) });
      }
    });
  } finally {
    work.close();
  }
  return { id };
}

const MAX_IMAGE_PREVIEW = 8 * 1024 * 1024;

/** An image as a data URL, or the start of a text file; nothing for other types. */
export async function previewEvidence(core: Core, id: string) {
  const e = getEvidence(core, id);
  try {
    if (isImageType(e.mediaType) && e.size <= MAX_IMAGE_PREVIEW) {
      const bytes = await readFile(storedPath(core.paths.evidence, e.sha256));
      return { kind: 'image' as const, mediaType: e.mediaType, data: `data:${e.mediaType};base64,${bytes.toString('base64')}`, truncated: false };
    }
    if (isTextType(e.mediaType)) {
      const p = await readPreview(core.paths.evidence, e.sha256, 64 * 1024);
      return { kind: 'text' as const, mediaType: e.mediaType, data: p.text, truncated: p.truncated };
    }
  } catch (error) {
    throw toAppError(error, e.fileName);
  }
  return { kind: 'none' as const, mediaType: e.mediaType, data: '', truncated: false };
}

/** Re-hashes every evidence file of the project; each problem names the file. */
export async function verifyProjectEvidence(
  core: Core,
  projectId: string,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<EvidenceCheck> {
  getProject(core, projectId);
  const records = listEvidence(core.db, projectId);
  let problems;
  try {
    problems = await verifyAll(
      core.paths.evidence,
      records.map((r) => ({ sha256: r.sha256, size: r.size, name: r.id })),
      options,
    );
  } catch (error) {
    throw toAppError(error, projectId);
  }
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    ok: problems.length === 0,
    checked: records.length,
    problems: problems.map((p) => ({ evidenceId: p.name, fileName: byId.get(p.name)!.fileName, sha256: p.sha256, problem: p.status })),
  };
}
