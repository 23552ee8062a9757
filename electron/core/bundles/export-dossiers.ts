import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { integrityBilingual } from '../../../shared/i18n/integrity-messages';
import { verifyDossier } from '../dossier/verify';
import { BundleError, shown } from './errors';
import type { BundleRevision } from './project-file';

/** A dossier PDF checked for a bundle, held in memory (dossiers are a few MB). */
export interface DossierFile {
  file: string;
  bytes: Buffer;
  sha256: string;
}

/** Far above any dossier we make; a larger "PDF" is not one of ours. */
export const MAX_DOSSIER_BYTES = 256 * 1024 * 1024;

/** What a dossier is, judged from its bytes against a project's accepted revisions. */
export interface DossierJudgement {
  sha256: string;
  /** Why it cannot be relied on: its signatures or embedded assessment do not verify, or it is of no accepted revision of the project. */
  problem: 'not-verified' | 'not-accepted' | null;
  /** The accepted revision whose snapshot it carries. */
  revision: number | null;
  snapshotHash: string | null;
}

/** Each accepted revision's snapshot hash, with its number. */
export const acceptedSnapshots = (revisions: readonly BundleRevision[]): ReadonlyMap<string, number> =>
  new Map(revisions.filter((r) => r.state === 'accepted' && r.snapshotHash !== null).map((r) => [r.snapshotHash!, r.number]));

/**
 * A dossier a recipient can rely on is a PDF that verifies (every signature over the bytes it
 * claims, the last over the whole file, the embedded assessment against its hash; who signed is
 * left to the recipient's trust) and that carries the snapshot hash of one of the project's
 * accepted revisions. Comparing the project id alone would let a dossier of any other revision —
 * one never accepted here — travel as this project's.
 */
export async function judgeDossier(bytes: Buffer, name: string, accepted: ReadonlyMap<string, number>): Promise<DossierJudgement> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const check = await verifyDossier(bytes, name, []);
  const snapshotHash = check.assessment.snapshotHash ?? null;
  if (!check.ok || !check.assessment.matches) return { sha256, problem: 'not-verified', revision: null, snapshotHash };
  const revision = snapshotHash === null ? undefined : accepted.get(snapshotHash);
  return revision === undefined ? { sha256, problem: 'not-accepted', revision: null, snapshotHash } : { sha256, problem: null, revision, snapshotHash };
}

/** The message for a judged dossier, in both languages. */
export function judgementText(j: DossierJudgement, file: string) {
  if (j.problem === 'not-verified') return integrityBilingual('dossier-not-verified', { file });
  if (j.problem === 'not-accepted') return integrityBilingual('dossier-not-accepted', { file, snapshot: j.snapshotHash ?? '-' });
  return integrityBilingual('dossier-ok', { file, revision: j.revision ?? '-' });
}

/**
 * Reads dossiers a user asked to include and keeps only what a recipient can rely on (see
 * {@link judgeDossier}). Anything else is refused, naming the file and why, rather than handed over silently.
 * @throws BundleError `dossier-invalid`.
 */
export async function checkDossiers(files: readonly string[], accepted: ReadonlyMap<string, number>): Promise<DossierFile[]> {
  const checked: DossierFile[] = [];
  for (const file of files) {
    const name = shown(basename(file));
    const fail = (detail: string) => new BundleError('dossier-invalid', { file: name, detail });
    let bytes: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw fail('not a regular file');
      if (info.size > MAX_DOSSIER_BYTES) throw fail(`larger than ${MAX_DOSSIER_BYTES} bytes`);
      bytes = await readFile(file);
    } catch (e) {
      throw e instanceof BundleError ? e : fail(shown((e as Error).message));
    }
    const judged = await judgeDossier(bytes, name, accepted);
    if (judged.problem) throw new BundleError('dossier-invalid', { file: name, detail: judgementText(judged, name) });
    if (!checked.some((d) => d.sha256 === judged.sha256)) checked.push({ file: name, bytes, sha256: judged.sha256 });
  }
  return checked;
}
