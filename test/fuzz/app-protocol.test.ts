import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
// vi.mock below is hoisted above this import: the handler registers with the fake Electron.
import { serveRenderer } from '../../electron/main/app/protocol';
import { tempDir } from '../helpers/temp';
import { FUZZ_SEED } from './arbitraries';

/** What the handler asked Electron to read, and the handler it registered. */
const seen = vi.hoisted(() => ({ fetched: [] as string[], handler: undefined as undefined | ((request: Request) => Promise<Response>) }));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      seen.handler = handler;
    },
  },
  net: {
    fetch: async (url: string) => {
      seen.fetched.push(url);
      return new Response('file', { status: 200, headers: { 'Content-Type': 'text/plain' } });
    },
  },
}));

/** Paths that try to leave the renderer folder, encoded every way a URL allows. */
const TRAVERSALS = ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/..%5c..%5cwindows%5cwin.ini', '/%2e%2e%5c%2e%2e%5csecret', '//etc/passwd', '/%2F%2Fetc/passwd', '/assets/../../../x', '/%00/../../x', '/C:%5cWindows%5cwin.ini'];

describe('door: the app:// scheme (electron/main/app/protocol.ts)', () => {
  const root = tempDir('adsg-renderer-');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  serveRenderer(root);

  async function get(url: string): Promise<{ status: number | 'rejected'; fetched: string[] }> {
    seen.fetched.length = 0;
    try {
      const response = await seen.handler!(new Request(url));
      return { status: response.status, fetched: [...seen.fetched] };
    } catch {
      // A malformed %-escape makes the handler reject: Electron fails that request, nothing is read.
      return { status: 'rejected', fetched: [...seen.fetched] };
    }
  }
  const inside = (fileUrl: string) => {
    const rel = relative(root, fileURLToPath(fileUrl));
    return !rel.startsWith('..') && !isAbsolute(rel);
  };

  test('serves files inside the folder with the CSP header', async () => {
    const response = await seen.handler!(new Request('app://workbench/'));
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(seen.fetched.at(-1)).toBe(`file://${join(root, 'index.html')}`);
  });

  test('never reads outside the folder, whatever the path or the host', async () => {
    for (const path of TRAVERSALS) {
      const r = await get(`app://workbench${path}`);
      expect(r.fetched.every(inside), path).toBe(true);
    }
    expect((await get('app://evil.example/index.html')).fetched).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom('..', '%2e%2e', '%2f', '%5c', '.', '%00', '%', 'etc', 'passwd', '%E0%A4%A'), fc.webSegment()), { maxLength: 8 }), async (segments) => {
        const r = await get(`app://workbench/${segments.join('/')}`);
        expect(r.fetched.every(inside), segments.join('/')).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});
