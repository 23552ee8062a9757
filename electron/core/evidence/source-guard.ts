import { realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { escapeUnsafeText } from '../../../shared/domain/text';
import { EvidenceError, isSystemError } from './errors';
import { identityOf, sourceError, type FileIdentity } from './source';

/** A file cleared for ingest. */
export interface CheckedSource {
  /** The real path (fs.realpath): no symbolic link left in it. */
  path: string;
  /** The file's identity when checked; the handle opened for ingest must have the same (see openSource). */
  identity: FileIdentity;
  size: number;
  /**
   * The name to record: the last part of the path the user chose (a link keeps its own name), with
   * every unsafe character kept as its visible escape. A file name comes from the file system, not
   * from a person typing it: the file is never refused for its name, and the record is plain text
   * wherever it goes (screens, dossier, bundle).
   */
  fileName: string;
}

/** What must never be ingested: the data folder, and the database files wherever a hard link puts them. */
export interface ProtectedData {
  dataDir: string;
  database: string;
  /** A folder inside the data folder whose files may be ingested after all: the host's uploads (Ports.uploadsFolder). */
  uploads?: string;
}

/** Checks one file about to become evidence; see {@link evidenceSourceGuard}. */
export type SourceCheck = (path: string) => Promise<CheckedSource>;

/**
 * The check for files about to become evidence, against one data folder. Each path is resolved
 * with realpath and refused when the real file is inside the data folder: its parent folders are
 * compared with the data folder by device and inode, not by name, so a symbolic link, a
 * differently-cased path, a bind mount or `..` cannot hide it. A hard link has no path to follow,
 * so the live database, its WAL, shared-memory and journal files are also compared by device and
 * inode; a hard link to any other file inside the data folder is not detected.
 * The check rejects with EvidenceError `not-found` | `not-a-file` | `in-data-folder` | `io`.
 */
export async function evidenceSourceGuard(data: ProtectedData): Promise<SourceCheck> {
  const dataFolder = await identityIfPresent(data.dataDir);
  const uploads = data.uploads === undefined ? null : await identityIfPresent(data.uploads);
  const databaseFiles = new Set(
    (await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => identityIfPresent(`${data.database}${suffix}`)))).filter((id) => id !== null),
  );
  return async (path) => {
    try {
      const real = await realpath(path);
      const info = await stat(real, { bigint: true });
      if (!info.isFile()) throw new EvidenceError('not-a-file', `Not a regular file: ${path}`);
      const identity = identityOf(info);
      const fromUploads = uploads !== null && (await isWithin(real, uploads));
      if (databaseFiles.has(identity) || (!fromUploads && dataFolder !== null && (await isWithin(real, dataFolder)))) {
        throw new EvidenceError('in-data-folder', `Inside the data folder: ${path}`);
      }
      return { path: real, identity, size: Number(info.size), fileName: escapeUnsafeText(basename(path)) };
    } catch (error) {
      throw sourceError(error, path);
    }
  };
}

/** Whether one of the folders above `file` is the folder with identity `folder`. */
async function isWithin(file: string, folder: FileIdentity): Promise<boolean> {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (identityOf(await stat(dir, { bigint: true })) === folder) return true;
    if (dirname(dir) === dir) return false;
  }
}

async function identityIfPresent(path: string): Promise<FileIdentity | null> {
  try {
    return identityOf(await stat(path, { bigint: true }));
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return null;
    throw sourceError(error, path);
  }
}
