import { createReadStream, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename, dirname, extname, join } from 'node:path';
import type { Download } from '../../shared/ipc/web';
import { attachmentHeader, diskFileName } from './file-names';
import { API_HEADERS } from './headers';
import { randomId } from './token';

/** A ticket not used within this long expires, and its file goes. */
const TTL_MS = 10 * 60_000;

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pem': 'application/x-pem-file',
  '.cer': 'application/pkix-cert',
};

interface Ready {
  path: string;
  name: string;
  at: number;
}

/**
 * Files a call saved, handed to the browser as downloads: a handler's "save as" gets a fresh path
 * in the data folder's temp area; once the call succeeded the file gets a one-time ticket (256
 * random bits, never the session token) that the page fetches under the file's own name.
 */
export class Downloads {
  private readonly ready = new Map<string, Ready>();

  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh path for a handler to write `suggestedName` to. */
  async reserve(suggestedName: string): Promise<string> {
    const dir = join(this.root, `down-${randomId(24)}`);
    await mkdir(dir, { recursive: true });
    return join(dir, diskFileName(suggestedName) ?? 'download');
  }

  /** A ticket for a reserved path the handler wrote; null (and the folder gone) when it wrote nothing. */
  async publish(path: string): Promise<Download | null> {
    await this.sweep();
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
      await this.discard(path);
      return null;
    }
    const ticket = randomId(32);
    this.ready.set(ticket, { path, name: basename(path), at: this.now() });
    return { ticket, name: basename(path) };
  }

  /** Removes a reserved path and its folder (the call failed). */
  async discard(path: string): Promise<void> {
    await rm(dirname(path), { recursive: true, force: true });
  }

  /** Streams the ticket's file once, as an attachment under its name; false when the ticket is unknown or used. */
  serve(ticket: string, res: ServerResponse): boolean {
    const file = this.ready.get(ticket);
    if (!file) return false;
    this.ready.delete(ticket);
    const size = statSync(file.path, { throwIfNoEntry: false })?.size;
    if (size === undefined) return false;
    res.writeHead(200, {
      ...API_HEADERS,
      'content-type': TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'content-disposition': attachmentHeader(file.name),
    });
    const stream = createReadStream(file.path);
    stream.pipe(res);
    res.on('close', () => {
      stream.destroy();
      void this.discard(file.path);
    });
    return true;
  }

  /** Drops tickets nobody used in time. */
  async sweep(): Promise<void> {
    const cutoff = this.now() - TTL_MS;
    await this.dropWhere((f) => f.at < cutoff);
  }

  /** Drops every ticket and file (the host is stopping). */
  async clear(): Promise<void> {
    await this.dropWhere(() => true);
  }

  private async dropWhere(which: (f: Ready) => boolean): Promise<void> {
    const gone = [...this.ready].filter(([, f]) => which(f));
    for (const [ticket] of gone) this.ready.delete(ticket);
    await Promise.all(gone.map(([, f]) => this.discard(f.path)));
  }
}
