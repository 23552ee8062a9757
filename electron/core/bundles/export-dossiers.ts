import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { verifyDossier } from '../dossier/verify';
import { BundleError, shown } from './errors';

/** A dossier PDF checked for a bundle, held in memory (dossiers are a few MB). */
export interface DossierFile {
  file: string;
  bytes: Buffer;
  sha256: string;
}

/** Far above any dossier we make; a larger "PDF" is not one of ours. */
export const MAX_DOSSIER_BYTES = 256 * 1024 * 1024;

/**
 * Reads dossiers a user asked to include and keeps only what a recipient can rely on: a PDF whose
 * signatures all verify, the last covering the whole file, with an intact embedded assessment of
 * this very project. Anything else is refused, naming the file, rather than handed over silently.
 * @throws BundleError `dossier-invalid`.
 */
export async function checkDossiers(files: readonly string[], projectId: string): Promise<DossierFile[]> {
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
    // Whether the recipient trusts the auditor is theirs to decide; intact and unchanged is ours.
    const check = await verifyDossier(bytes, name, [], { allowUntrusted: true });
    if (!check.ok) throw fail('its signatures do not verify or do not cover the whole file');
    if (!check.assessment.matches || check.assessment.projectId !== projectId) throw fail('it is not a dossier of this project');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!checked.some((d) => d.sha256 === sha256)) checked.push({ file: name, bytes, sha256 });
  }
  return checked;
}
