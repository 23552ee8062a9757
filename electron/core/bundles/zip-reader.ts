import { createHash } from 'node:crypto';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isSystemError } from '../evidence/errors';
import { classifyEntry, isUnsafeEntryName, type EntryKind } from './entry-names';
import { BundleError, shown } from './errors';
import type { BundleLimits } from './limits';

/** One entry of a bundle that passed the structural checks, with its sizes as the zip declares them. */
export interface BundleEntry {
  readonly name: string;
  readonly kind: EntryKind;
  /** Unpacked size as declared: checked against limits up front and against the bytes while reading. */
  readonly size: number;
  readonly raw: Entry;
}

/** What reading an entry to its end gave: counted, not declared. */
export interface EntryDigest {
  sha256: string;
  size: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Bytes gathered before one write to the work folder. */
const WRITE_BYTES = 1024 * 1024;

/**
 * A bundle opened for reading, its central directory already checked entry by entry:
 * count, safe and known names, no links, no duplicates, supported methods, sizes and ratio within
 * the limits. Nothing here writes anywhere but to the handles callers pass in.
 */
export class BundleReader {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: readonly BundleEntry[],
    private readonly limits: BundleLimits,
  ) {}

  /**
   * Opens `file` and checks every central-directory record before any entry data is read.
   * @throws BundleError for the first problem found.
   */
  static async open(file: string, limits: BundleLimits): Promise<BundleReader> {
    let zip: ZipFile;
    try {
      // Names are decoded and validated by us (decodeStrings: false) so each refusal gets its own reason.
      zip = await yauzl.openPromise(file, { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
    } catch (e) {
      throw await openError(file, e);
    }
    try {
      if (zip.entryCount > limits.maxEntries) throw new BundleError('too-many-entries', { count: zip.entryCount, max: limits.maxEntries });
      const entries: BundleEntry[] = [];
      const seen = new Set<string>();
      let total = 0;
      try {
        for await (const raw of zip.eachEntry()) {
          const entry = checkEntry(raw, seen, limits);
          total += entry.size;
          if (total > limits.maxTotalBytes) throw new BundleError('total-too-large', { size: total, max: limits.maxTotalBytes });
          entries.push(entry);
        }
      } catch (e) {
        if (e instanceof BundleError) throw e;
        throw new BundleError('truncated', { detail: shown(errorText(e)) }, { cause: e });
      }
      return new BundleReader(zip, entries, limits);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  /** The entry of that name, if the bundle has one. */
  find(name: string): BundleEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** Sum of the declared unpacked sizes (already within maxTotalBytes). */
  totalSize(): number {
    return this.entries.reduce((sum, e) => sum + e.size, 0);
  }

  /** A small entry (manifest, signature) read into memory, refused above `max` bytes. */
  async readBuffer(entry: BundleEntry, max: number): Promise<Buffer> {
    if (entry.size > max) throw new BundleError('entry-too-large', { name: entry.name, size: entry.size, max });
    const chunks: Buffer[] = [];
    await this.pump(entry, async (chunk) => void chunks.push(chunk), undefined, max);
    return Buffer.concat(chunks);
  }

  /**
   * Streams an entry to `out` (which the caller owns), hashing and counting the bytes as they are
   * unpacked. Chunks are gathered into writes of about 1 MiB (the inflater hands out 64 KiB), so
   * memory stays bounded while a multi-GB entry costs a thousand writes per GB, not sixteen thousand.
   * Stops at the first byte over any limit.
   */
  async extract(entry: BundleEntry, out: FileHandle, options: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<EntryDigest> {
    const hash = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes) await writeAll(out, pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    const size = await this.pump(
      entry,
      async (chunk) => {
        hash.update(chunk);
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= WRITE_BYTES) await flush();
        options.onBytes?.(chunk.length);
      },
      options.signal,
      this.limits.maxEntryBytes,
    );
    await flush();
    return { sha256: hash.digest('hex'), size };
  }

  close(): void {
    this.zip.close();
  }

  /** Reads an entry chunk by chunk, counting what comes out of the inflater, not what the zip says. */
  private async pump(entry: BundleEntry, take: (chunk: Buffer) => Promise<void>, signal: AbortSignal | undefined, max: number): Promise<number> {
    let size = 0;
    try {
      const stream = await this.zip.openReadStreamPromise(entry.raw);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (signal?.aborted) throw new BundleError('cancelled');
        size += chunk.length;
        if (size > max) throw new BundleError('entry-too-large', { name: entry.name, size, max });
        // The declared size passed the limits and the ratio check; bytes beyond it are a lie, whatever yauzl says.
        if (size > entry.size) throw new BundleError('damaged-entry', { name: entry.name, detail: `more than the ${entry.size} bytes declared` });
        await take(chunk);
      }
    } catch (e) {
      if (e instanceof BundleError) throw e;
      if (isSystemError(e) && !e.code.startsWith('Z_')) throw new BundleError('io', { detail: shown(e.message) }, { cause: e });
      throw new BundleError('damaged-entry', { name: entry.name, detail: shown(errorText(e)) }, { cause: e });
    }
    if (size !== entry.size) throw new BundleError('damaged-entry', { name: entry.name, detail: `${size} bytes, ${entry.size} declared` });
    return size;
  }
}

/** The structural checks of one central-directory record, in the order their messages are most useful. */
function checkEntry(raw: Entry, seen: Set<string>, limits: BundleLimits): BundleEntry {
  // strictFileNames: a backslash stays a backslash, so it is refused rather than turned into a separator.
  const name = yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, raw.extraFields, true);
  if (isUnsafeEntryName(name)) throw new BundleError('unsafe-path', { name: shown(name) });
  if (((raw.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new BundleError('symlink', { name: shown(name) });
  if (seen.has(name)) throw new BundleError('duplicate-entry', { name: shown(name) });
  seen.add(name);
  const kind = classifyEntry(name);
  if (!kind) throw new BundleError('unknown-entry', { name: shown(name) });
  if (raw.isEncrypted()) throw new BundleError('unsupported-entry', { name, detail: 'encrypted' });
  if (raw.compressionMethod !== METHOD_STORED && raw.compressionMethod !== METHOD_DEFLATED) {
    throw new BundleError('unsupported-entry', { name, detail: `compression method ${raw.compressionMethod}` });
  }
  if (raw.uncompressedSize > limits.maxEntryBytes) throw new BundleError('entry-too-large', { name, size: raw.uncompressedSize, max: limits.maxEntryBytes });
  // The declared sizes are checked here; pump() counts the real bytes and stops at the first one beyond them.
  if (raw.compressionMethod === METHOD_DEFLATED && raw.uncompressedSize > limits.ratioFloorBytes && raw.uncompressedSize > limits.maxCompressionRatio * raw.compressedSize) {
    throw new BundleError('compression-ratio', { name, max: limits.maxCompressionRatio });
  }
  return { name, kind, size: raw.uncompressedSize, raw };
}

/** A file that is not a zip at all gets its own message; a zip whose directory cannot be read is damaged. */
async function openError(file: string, error: unknown): Promise<BundleError> {
  if (isSystemError(error)) return new BundleError('io', { detail: shown(error.message) }, { cause: error });
  const head = Buffer.alloc(4);
  try {
    const handle = await openFile(file, 'r');
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return new BundleError('io', { detail: shown(errorText(e)) }, { cause: e });
  }
  return head.equals(LOCAL_HEADER)
    ? new BundleError('truncated', { detail: shown(errorText(error)) }, { cause: error })
    : new BundleError('not-a-bundle', {}, { cause: error });
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `write` may write fewer bytes than asked; loop until the whole chunk is out. */
async function writeAll(out: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await out.write(chunk, offset, chunk.length - offset, null);
    offset += bytesWritten;
  }
}
