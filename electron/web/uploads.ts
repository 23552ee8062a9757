import { createWriteStream } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadQuery } from '../../shared/ipc/web';
import { diskFileName } from './file-names';
import { randomId } from './token';
import { WebError } from './web-error';

/** A file the user sent, waiting (once) for the call that reads it. */
export interface Upload {
  id: string;
  name: string;
  size: number;
  /** `<transfers>/up-<id>/<name>`: the name is the user's, so core sees the file as they named it. */
  path: string;
  dir: string;
  job?: string;
  at: number;
}

/** Uploads nobody claimed are removed after this long. */
const TTL_MS = 15 * 60_000;
/** At most this many uploads wait at once (a call takes at most 500 files). */
const MAX_WAITING = 500;

/**
 * Uploads under the data folder's temp area: each request body is streamed to disk (never held
 * in memory), counted against the size the page announced, and kept until one call takes it.
 * A failed, aborted or short upload leaves no file.
 */
export class Uploads {
  private readonly waiting = new Map<string, Upload>();

  constructor(
    /** The folder uploads are written under (the web host's work folder). */
    readonly root: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Streams `req`'s body into a new file. `onBytes` hears the running count of bytes received.
   * @throws WebError (400 name, length or truncated; 413 overflow; 429 too many waiting; 507 no space)
   */
  async receive(req: IncomingMessage, query: UploadQuery, options: { signal?: AbortSignal; onBytes?: (received: number) => void } = {}): Promise<Upload> {
    await this.sweep();
    const name = diskFileName(query.name);
    if (!name) throw new WebError(400, 'validation', 'upload-name', { name: query.name.slice(0, 80) });
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) !== query.size) throw new WebError(400, 'validation', 'upload-length', { length, size: query.size });
    if (this.waiting.size >= MAX_WAITING) throw new WebError(429, 'conflict', 'upload-busy', { max: MAX_WAITING });
    const fs = await statfs(this.root);
    const free = fs.bavail * fs.bsize;
    if (query.size > free) throw new WebError(507, 'io', 'upload-space', { size: query.size, free });

    // 128 bits: unguessable, and short enough that a call naming 500 of them fits Node's 16 KiB of headers.
    const id = randomId(16);
    const dir = join(this.root, `up-${id}`);
    const path = join(dir, name);
    let received = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > query.size) return done(new WebError(413, 'validation', 'upload-overflow', { size: query.size }));
        options.onBytes?.(received);
        done(null, chunk);
      },
    });
    try {
      await mkdir(dir, { recursive: true });
      await pipeline(req, count, createWriteStream(path, { flags: 'wx' }), { signal: options.signal });
      if (received < query.size) throw new WebError(400, 'validation', 'upload-truncated', { received, size: query.size });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const upload: Upload = { id, name, size: received, path, dir, job: query.job, at: this.now() };
    this.waiting.set(id, upload);
    return upload;
  }

  /** Takes the waiting uploads among `ids` (unknown ids are skipped: the caller compares counts). */
  takeKnown(ids: readonly string[]): Upload[] {
    return [...new Set(ids)].flatMap((id) => {
      const upload = this.waiting.get(id);
      this.waiting.delete(id);
      return upload ? [upload] : [];
    });
  }

  /** Removes the files of uploads (taken ones, after their call). */
  async dispose(uploads: readonly Upload[]): Promise<void> {
    await Promise.all(uploads.map((u) => rm(u.dir, { recursive: true, force: true })));
  }

  /** Drops every waiting upload of a job (its next file was aborted, so the job will not run). */
  async discardJob(job: string): Promise<void> {
    await this.dispose(this.drop((u) => u.job === job));
  }

  /** Drops uploads nobody claimed in time. */
  async sweep(): Promise<void> {
    const cutoff = this.now() - TTL_MS;
    await this.dispose(this.drop((u) => u.at < cutoff));
  }

  /** Drops everything (the host is stopping). */
  async clear(): Promise<void> {
    await this.dispose(this.drop(() => true));
  }

  private drop(which: (u: Upload) => boolean): Upload[] {
    const dropped = [...this.waiting.values()].filter(which);
    for (const u of dropped) this.waiting.delete(u.id);
    return dropped;
  }
}
