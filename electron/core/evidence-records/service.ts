import { randomUUID } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative } from 'node:path';
import type { Evidence, EvidenceCheck } from '../../../shared/domain/evidence';
import { recordChange } from '../audit-trail/record';
import type { Core } from '../core';
import { deleteEvidence, findEvidence, findEvidenceByHash, insertEvidence, isHashReferenced, linkEvidence, listEvidence, unlinkEvidence, updateEvidenceDescription } from '../db/repos/evidence';
import { EvidenceError } from '../evidence/errors';
import { JobError } from '../jobs/errors';
import { ingestInWorker } from '../evidence/ingest-in-worker';
import { storedPath } from '../evidence/paths';
import { readPreview } from '../evidence/preview';
import { verifyAll } from '../evidence/verify';
import { AppError } from '../errors';
import type { Ports } from '../ports';
import { getProject } from '../projects/service';
import { listFindings } from '../db/repos/findings';
import { updateFinding } from '../findings/service';
import { isImageType, isTextType, mediaTypeOf } from './media-type';

const isInside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
};

/** Evidence errors as the user sees them. */
function toAppError(error: unknown, file: string): unknown {
  if (error instanceof JobError) return new AppError(error.code === 'cancelled' ? 'io' : 'internal', error.code === 'cancelled' ? 'error.cancelled' : 'error.internal', { detail: error.message });
  if (!(error instanceof EvidenceError)) return error;
  if (error.code === 'not-found') return new AppError('not-found', 'error.evidence-missing', { what: file });
  if (error.code === 'not-a-file') return new AppError('validation', 'error.evidence-not-file', { what: file });
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
  for (const path of input.paths) {
    if (!isAbsolute(path) || (ports.isUserChosenPath && !ports.isUserChosenPath(path))) {
      throw new AppError('validation', 'error.evidence-not-file', { what: path });
    }
    // Never ingest the workbench's own data folder back into itself; the web host's uploads wait in its transfer area.
    if (isInside(core.dataDir, path) && !isInside(core.paths.transfers, path)) throw new AppError('validation', 'error.evidence-not-file', { what: path });
  }
  const sizes = await Promise.all(input.paths.map((p) => stat(p).then((s) => s.size, () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  const added: Evidence[] = [];
  await core.jobs.run(input.jobId, async (signal) => {
    for (const [i, path] of input.paths.entries()) {
      const fileName = basename(path);
      const emit = (done: number) => ports.emit('job:progress', { jobId: input.jobId, kind: 'evidence', label: fileName, done: before + done, total });
      let stored;
      try {
        stored = await ingestInWorker(path, core.paths.evidence, { signal, onProgress: emit });
      } catch (error) {
        throw toAppError(error, path);
      }
      before += sizes[i] ?? stored.size;
      added.push(recordEvidence(core, input.projectId, fileName, stored, input.itemId));
    }
  });
  return added;
}

function recordEvidence(core: Core, projectId: string, fileName: string, stored: { sha256: string; size: number }, itemId?: string): Evidence {
  return core.db.transaction(() => {
    let evidence = findEvidenceByHash(core.db, projectId, stored.sha256);
    if (!evidence) {
      const row = {
        id: randomUUID(),
        projectId,
        sha256: stored.sha256,
        fileName,
        size: stored.size,
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
  })();
}

export function describeEvidence(core: Core, id: string, description: string): Evidence {
  return core.db.transaction(() => {
    const before = getEvidence(core, id);
    updateEvidenceDescription(core.db, id, description);
    recordChange(core, { projectId: before.projectId, entity: 'evidence', entityId: id, action: 'update', before: { description: before.description }, after: { description } });
    return getEvidence(core, id);
  })();
}

export function setEvidenceLink(core: Core, id: string, itemId: string, linked: boolean): Evidence {
  return core.db.transaction(() => {
    const e = getEvidence(core, id);
    if (linked === e.itemIds.includes(itemId)) return e;
    if (linked) linkEvidence(core.db, id, itemId);
    else unlinkEvidence(core.db, id, itemId);
    recordChange(core, { projectId: e.projectId, entity: 'evidence', entityId: id, action: linked ? 'link' : 'unlink', before: null, after: { itemId } });
    return getEvidence(core, id);
  })();
}

/** Removes the record; the stored bytes go too once no project refers to them. */
export async function removeEvidence(core: Core, id: string): Promise<{ id: string }> {
  const e = core.db.transaction(() => {
    const before = getEvidence(core, id);
    deleteEvidence(core.db, id);
    recordChange(core, { projectId: before.projectId, entity: 'evidence', entityId: id, action: 'delete', before, after: null });
    // Findings must not keep pointing at evidence that is gone.
    for (const f of listFindings(core.db, before.projectId).filter((x) => x.evidenceIds.includes(id))) {
      updateFinding(core, f.id, { evidenceIds: f.evidenceIds.filter((x) => x !== id) });
    }
    return before;
  })();
  if (!isHashReferenced(core.db, e.sha256)) await rm(storedPath(core.paths.evidence, e.sha256), { force: true });
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
