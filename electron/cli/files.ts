import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MessageKey } from '../../shared/i18n/messages';
import { CliError, EXIT } from './context';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * What each kind of file named on the command line may be: how many bytes, and whether it must be
 * text (UTF-8, no NUL). The limits sit far above any genuine file and far below what would hang
 * the command: a passphrase is a line, a facts file a few flows, a certificate or PKCS#12 a few KiB.
 */
export const ARG_FILE_LIMITS = {
  passphrase: { maxBytes: KiB, text: true },
  facts: { maxBytes: 4 * MiB, text: true },
  certificate: { maxBytes: MiB, text: false },
  identity: { maxBytes: MiB, text: false },
  /** A dossier PDF to verify or countersign: read whole, as the verifier needs it. */
  document: { maxBytes: 512 * MiB, text: false },
} as const;
export type ArgFileKind = keyof typeof ARG_FILE_LIMITS;

/** Opening without O_NONBLOCK would wait for a writer if the path became a FIFO after it was checked. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const refuse = (key: MessageKey, params: Record<string, string | number>) => CliError.fromCatalogue(EXIT.badInput, key, params);

/**
 * Reads a file the user named for `option`, within the limits of its kind. Anything but a regular
 * file (a device such as /dev/zero, a FIFO, a folder) and anything over the limit is refused at
 * once, before a byte is read; a file that grows while it is read is cut off at the limit and refused.
 * @throws CliError exit 2 naming the option and the file.
 */
export async function readArg(path: string, option: string, kind: ArgFileKind = 'document'): Promise<Buffer> {
  const { maxBytes, text } = ARG_FILE_LIMITS[kind];
  const full = resolve(path);
  const params = { option, file: path, max: maxBytes };
  const unreadable = (e: unknown) => refuse('cli.file.unreadable', { ...params, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  const checkShape = (info: { isFile(): boolean; size: number }) => {
    if (!info.isFile()) throw refuse('cli.file.not-regular', params);
    if (info.size > maxBytes) throw refuse('cli.file.too-large', params);
  };
  checkShape(await stat(full).catch((e: unknown) => Promise.reject(unreadable(e))));
  const handle = await open(full, OPEN_FLAGS).catch((e: unknown) => Promise.reject(unreadable(e)));
  let bytes: Buffer;
  try {
    // The handle is what is read: checked again, since the path may have been swapped since `stat`.
    checkShape(await handle.stat());
    bytes = await readAtMost(handle, maxBytes + 1);
  } catch (e) {
    throw e instanceof CliError ? e : unreadable(e);
  } finally {
    await handle.close();
  }
  if (bytes.length > maxBytes) throw refuse('cli.file.too-large', params);
  if (text && !isText(bytes)) throw refuse('cli.file.not-text', params);
  return bytes;
}

/** Reads a text file for `option` (see {@link readArg}), decoded from UTF-8 without a byte-order mark. */
export async function readTextArg(path: string, option: string, kind: ArgFileKind): Promise<string> {
  return new TextDecoder('utf-8').decode(await readArg(path, option, kind));
}

/** Reads until the end of the file or until `limit` bytes, whichever comes first. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < limit) {
    const chunk = Buffer.alloc(Math.min(limit - length, 256 * KiB));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
  }
  return Buffer.concat(chunks, length);
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The passphrase from a file (first line), so it never appears in the process list or shell history. */
export async function passphraseFrom(path: string): Promise<string> {
  const option = '--passphrase-file';
  const first = (await readTextArg(path, option, 'passphrase')).split(/\r?\n/)[0] ?? '';
  if (!first) throw refuse('cli.file.empty-line', { option, file: path });
  return first;
}
