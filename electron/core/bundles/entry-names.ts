import { validateFileName } from 'yauzl';
import { isControlCharacter } from './errors';

/** The manifest: every other entry's name, size and SHA-256 (see manifest.ts). */
export const MANIFEST_ENTRY = 'manifest.json';
/** Optional detached CMS signature over the exact bytes of manifest.json. */
export const SIGNATURE_ENTRY = 'manifest.p7s';
/** The project's data as canonical JSON (see project-file.ts). */
export const PROJECT_ENTRY = 'project.json';

/** An evidence file, named by its content: the name is the proof the manifest must agree with. */
export const evidenceEntry = (sha256: string): string => `evidence/${sha256}`;
/** A dossier PDF handed over with the project, named by its SHA-256. */
export const dossierEntry = (sha256: string): string => `dossiers/${sha256}.pdf`;

/** What an entry of a bundle is, by its name. */
export type EntryKind =
  | { kind: 'manifest' }
  | { kind: 'signature' }
  | { kind: 'project' }
  | { kind: 'evidence'; sha256: string }
  | { kind: 'dossier'; sha256: string };

const FIXED: Record<string, EntryKind> = {
  [MANIFEST_ENTRY]: { kind: 'manifest' },
  [SIGNATURE_ENTRY]: { kind: 'signature' },
  [PROJECT_ENTRY]: { kind: 'project' },
};
const EVIDENCE = /^evidence\/([0-9a-f]{64})$/;
const DOSSIER = /^dossiers\/([0-9a-f]{64})\.pdf$/;

/**
 * True for a name that could lead outside the folder it is unpacked into, or fool a terminal:
 * absolute (`/x`, `C:/x`), a `..` segment, a backslash (a separator on Windows), or a control character.
 * yauzl's own check is reused; we decode names ourselves, so it does not run on its own.
 */
export function isUnsafeEntryName(name: string): boolean {
  return validateFileName(name) !== null || Array.from(name).some(isControlCharacter);
}

/** The kind of a safe entry name, or undefined for a name a bundle never holds (refused as unknown). */
export function classifyEntry(name: string): EntryKind | undefined {
  if (Object.hasOwn(FIXED, name)) return FIXED[name];
  const evidence = EVIDENCE.exec(name);
  if (evidence?.[1]) return { kind: 'evidence', sha256: evidence[1] };
  const dossier = DOSSIER.exec(name);
  if (dossier?.[1]) return { kind: 'dossier', sha256: dossier[1] };
  return undefined;
}
