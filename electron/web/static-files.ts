import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative } from 'node:path';
import { SECURITY_HEADERS } from './headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** A segment that is fine as one file or folder name: no separators, no dot-dot, no drive letters or NUL. */
const SAFE_SEGMENT = /^(?!\.\.?$)[^/\\:\0]+$/;

/**
 * The file inside `root` that a request path names, or why not: `bad-path` for anything that
 * could step outside (`..`, encoded or not, backslashes, encoded slashes, NUL, drive letters),
 * `not-found` otherwise. `/` is index.html. Decided on the raw path, before any normalisation.
 */
export function staticTarget(root: string, rawPath: string): { file: string } | { refused: 'bad-path' | 'not-found' } {
  if (rawPath === '/') return { file: join(root, 'index.html') };
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return { refused: 'bad-path' };
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { refused: 'bad-path' };
    }
    if (!SAFE_SEGMENT.test(segment)) return { refused: 'bad-path' };
    segments.push(segment);
  }
  const file = join(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { refused: 'bad-path' };
  return { file };
}

/**
 * Serves one regular file (GET or HEAD); a folder or anything missing is a 404, so there is no
 * listing. Returns false when there was nothing to serve.
 */
export async function serveFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return false;
  }
  const info = await handle.stat().catch(() => null);
  if (!info?.isFile()) {
    await handle.close();
    return false;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    await handle.close();
    res.end();
    return true;
  }
  createReadStream('', { fd: handle, autoClose: true }).pipe(res);
  return true;
}
