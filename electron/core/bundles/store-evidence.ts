import type { StagedFile } from '../evidence/place';
import { BundleError } from './errors';

/** An evidence file unpacked, fsynced and verified in the import's work folder. */
export type VerifiedFile = StagedFile;

/**
 * Moves verified evidence from the work folder into the content-addressed store (a rename: the
 * work folder is on the store's file system). Content already stored is left as it is (same hash,
 * same bytes). Call inside the import's writeWithEvidence transaction, with its `place`.
 * @returns how many files were new to the store.
 */
export function storeEvidence(place: (file: StagedFile) => boolean, files: readonly VerifiedFile[], onFile?: (file: VerifiedFile) => void): number {
  let added = 0;
  for (const file of files) {
    try {
      if (place(file)) added++;
    } catch (e) {
      throw new BundleError('io', { detail: (e as Error).message }, { cause: e });
    }
    onFile?.(file);
  }
  return added;
}
