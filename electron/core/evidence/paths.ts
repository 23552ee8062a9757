import path from 'node:path';
import { assertSha256 } from './sha256';

/** Name of the folder, inside the evidence root, that holds files still being written. */
export const TEMP_DIR_NAME = '.tmp';

/** `<evidenceRoot>/<first two hex digits>/<sha256>`; throws `bad-hash` for anything but a hash. */
export function storedPath(evidenceRoot: string, sha256: string): string {
  assertSha256(sha256);
  return path.join(path.resolve(evidenceRoot), sha256.slice(0, 2), sha256);
}

/** The folder for in-progress copies; on the same file system as the store so rename is atomic. */
export function tempDir(evidenceRoot: string): string {
  return path.join(path.resolve(evidenceRoot), TEMP_DIR_NAME);
}
