import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, isAbsolute } from 'node:path';
import { CHANNELS } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import { openCore, type Core } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { Ports } from '../../../electron/core/ports';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { EVENT_NAMES } from '../../../shared/ipc/events';
import type { ServerResponse } from 'node:http';

/**
 * The e2e test bridge: serves the built renderer and answers `window.api` calls with the real
 * core, over loopback only and behind a per-run token. It stands in for Electron's preload +
 * ipcMain (which cannot run here) using the same contract and the same dispatcher. Test-only:
 * it lives under test/ and never ships.
 */
export interface Bridge {
  url: string;
  core: Core;
  /** What the next "choose files" dialog returns (the test plays the user). */
  nextPick: string[];
  /** What the next "save as" dialog returns; null cancels. */
  nextSave: string | null;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** window.api and window.host for the page: each call a POST carrying the token; events over SSE. */
function apiScript(token: string): string {
  return `window.api = Object.fromEntries(${JSON.stringify(CHANNELS)}.map((channel) => [channel, (input) =>
    fetch('/__bridge/call/' + channel, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bridge-token': ${JSON.stringify(token)} },
      body: JSON.stringify(input === undefined ? null : input) }).then((r) => r.json())]));
  (() => {
    const listeners = new Map();
    const source = new EventSource('/__bridge/events?t=${token}');
    for (const name of ${JSON.stringify(EVENT_NAMES)}) source.addEventListener(name, (e) => (listeners.get(name) || []).forEach((l) => l(JSON.parse(e.data))));
    window.host = {
      on(name, listener) { listeners.set(name, [...(listeners.get(name) || []), listener]); return () => listeners.set(name, listeners.get(name).filter((l) => l !== listener)); },
      pathForFile: () => null,
    };
  })();`;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024 * 1024) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: { dataDir: string; rendererDir: string }): Promise<Bridge> {
  const core = openCore({ dataDir: options.dataDir, appVersion: '0.0.0-e2e', rulesDir: join(options.rendererDir, '..', 'rules') });
  setWorkersDir(join(options.rendererDir, '..', 'workers'));
  const token = randomBytes(24).toString('hex');
  const tokenOk = (given: string | null | undefined) =>
    typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

  const streams = new Set<ServerResponse>();
  const bridge = { nextPick: [] as string[], nextSave: null as string | null };
  const ports: Ports = {
    emit: (event, payload) => streams.forEach((s) => s.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
    pickFiles: async (options) => bridge.nextPick.splice(0, options?.multiple === false ? 1 : bridge.nextPick.length),
    saveFile: async () => {
      const path = bridge.nextSave;
      bridge.nextSave = null;
      return path;
    },
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/__bridge/events') {
        if (!tokenOk(url.searchParams.get('t'))) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': open\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname.startsWith('/__bridge/call/')) {
        if (req.method !== 'POST' || !tokenOk(req.headers['x-bridge-token'] as string | undefined)) {
          res.writeHead(403).end();
          return;
        }
        let input: unknown;
        try {
          input = JSON.parse(await body(req));
        } catch {
          input = Symbol('unparseable');
        }
        const channel = decodeURIComponent(url.pathname.slice('/__bridge/call/'.length));
        const result =
          typeof input === 'symbol'
            ? fail({ code: 'validation', message: 'request body is not JSON' })
            : await dispatch(core, channel, input, ports);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return;
      }
      if (url.pathname === '/__bridge/api.js') {
        if (!tokenOk(url.searchParams.get('t'))) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': TYPES['.js']! }).end(apiScript(token));
        return;
      }
      const path = normalize(join(options.rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
      const rel = relative(options.rendererDir, path);
      if (rel.startsWith('..') || isAbsolute(rel)) return void res.writeHead(403).end();
      try {
        let content: Buffer | string = await readFile(path);
        if (rel === 'index.html') {
          if (!tokenOk(url.searchParams.get('t'))) return void res.writeHead(403).end();
          // The page gets window.api before its own module script runs.
          content = content.toString('utf8').replace('<script type="module"', `<script src="/__bridge/api.js?t=${token}"></script><script type="module"`);
        }
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(content);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(bridge, {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          core.close();
          resolve();
        });
      }),
  });
}
