import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WEB_MESSAGES } from '../../shared/i18n/web-messages';
import { MAX_JSON_BYTES, WEB_API } from '../../shared/ipc/web';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app/csp';
import { storedPath } from '../../electron/core/evidence/paths';
import { dataPaths } from '../../electron/core/paths';
import { treeDigest } from '../fixtures/bundles/sample';
import { fixtureRenderer } from './fixture-renderer';
import { rawRequest } from './raw-http';
import { startUi, type UiProcess } from './ui-process';

let ui: UiProcess;
let secret: string;
let projectId: string;

/**
 * The data folder, file by file with each SHA-256. The database's -shm is left out: it is SQLite's
 * shared-memory index, which every reader touches, and holds no data.
 */
const digest = () => Object.fromEntries(Object.entries(treeDigest(ui.dataDir)).filter(([name]) => !name.endsWith('-shm')));
const evidenceCount = () => (ui.db.prepare('SELECT count(*) n FROM evidence').get() as { n: number }).n;
const transfers = () => ui.transfers();

/** A request to the API with the token unless `headers` says otherwise. */
const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`${ui.origin}${path}`, { method: 'POST', ...init, headers: { [WEB_API.tokenHeader]: ui.token, 'content-type': 'application/json', ...init.headers } });

/** Expects `run` to be refused with `status` while the data folder stays byte for byte the same. */
async function refusedUnchanged(status: number, run: () => Promise<{ status: number }>): Promise<void> {
  const before = digest();
  const projects = ui.db.prepare('SELECT count(*) n FROM projects').get();
  expect((await run()).status).toBe(status);
  expect(ui.db.prepare('SELECT count(*) n FROM projects').get()).toEqual(projects);
  expect(digest()).toEqual(before);
}

const CREATE = { name: 'Door test', organization: 'O', creditCode: '91350100M000100Y43' };

beforeAll(async () => {
  const renderer = fixtureRenderer();
  secret = renderer.secret;
  ui = await startUi({ env: { ADSG_RENDERER_DIR: renderer.dir } });
  const created = await ui.call<{ id: string }>('projects:create', { name: 'P', organization: 'O', creditCode: '91350100M000100Y43' });
  if (!created.ok) throw new Error(created.error.message);
  projectId = created.value.id;
}, 60_000);

afterAll(async () => {
  expect(await ui.stop()).toBe(0);
});

describe('the session token', () => {
  test('is 256 random bits in the printed URL fragment, and the server binds 127.0.0.1 only', async () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(ui.token, 'base64url')).toHaveLength(32);
    // Another loopback address reaches a server bound to 0.0.0.0, not one bound to 127.0.0.1.
    await expect(fetch(`http://127.0.0.2:${ui.port}/`)).rejects.toThrow();
  });

  test('a missing token is 401, in both languages, and nothing runs', async () => {
    await refusedUnchanged(401, async () => {
      const r = await api('/api/call/projects:create', { headers: { [WEB_API.tokenHeader]: '' }, body: JSON.stringify(CREATE) });
      const body = (await r.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(body.error.message).toContain(WEB_MESSAGES.token['zh-CN']);
      expect(body.error.message).toContain(WEB_MESSAGES.token.en);
      return r;
    });
  });

  test('a wrong token is 401: one character off, a prefix, the token plus more, in the query string', async () => {
    const wrong = [`${ui.token.slice(0, -1)}${ui.token.endsWith('A') ? 'B' : 'A'}`, ui.token.slice(0, 20), `${ui.token}x`, ui.token.toUpperCase()];
    for (const token of wrong) await refusedUnchanged(401, () => api('/api/call/projects:create', { headers: { [WEB_API.tokenHeader]: token }, body: JSON.stringify(CREATE) }));
    await refusedUnchanged(401, () => fetch(`${ui.origin}/api/call/projects:create?k=${ui.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CREATE) }));
    await refusedUnchanged(401, () => fetch(`${ui.origin}${WEB_API.events}`));
    await refusedUnchanged(401, () => fetch(`${ui.origin}${WEB_API.upload}?name=a.txt&size=1`, { method: 'POST', body: 'x' }));
  });
});

describe('Host, Origin and Sec-Fetch-Site', () => {
  test.each([`evil.example:PORT`, `127.0.0.1:1`, `localhost.evil.example:PORT`, `127.0.0.1`, `[::1]:PORT`, `127.0.0.1:PORT.evil.example`])('a foreign Host %s is 403, even with the token', async (host) => {
    const head = (path: string, extra = '') => `POST ${path} HTTP/1.1\nHost: ${host.replace('PORT', String(ui.port))}\n${WEB_API.tokenHeader}: ${ui.token}\ncontent-type: application/json\ncontent-length: ${JSON.stringify(CREATE).length}\nconnection: close${extra}`;
    await refusedUnchanged(403, () => rawRequest(ui.port, head('/api/call/projects:create'), JSON.stringify(CREATE)));
    await refusedUnchanged(403, () => rawRequest(ui.port, `GET / HTTP/1.1\nHost: ${host.replace('PORT', String(ui.port))}\nconnection: close`));
  });

  test('both of the server’s own names are accepted', async () => {
    for (const host of [`127.0.0.1:${ui.port}`, `localhost:${ui.port}`, `LOCALHOST:${ui.port}`]) {
      expect((await rawRequest(ui.port, `GET / HTTP/1.1\nHost: ${host}\nconnection: close`)).status).toBe(200);
    }
  });

  test.each(['http://evil.example', `http://127.0.0.1:${1}`, 'null', `https://127.0.0.1:PORT`, `http://127.0.0.1:PORT.evil.example`])('a foreign Origin %s is 403, even with the token', async (origin) => {
    await refusedUnchanged(403, () => api('/api/call/projects:create', { headers: { origin: origin.replace('PORT', String(ui.port)) }, body: JSON.stringify(CREATE) }));
  });

  test('the page’s own Origin passes; a cross-site or same-site Sec-Fetch-Site does not', async () => {
    for (const origin of [ui.origin, `http://localhost:${ui.port}`]) expect((await api('/api/call/settings:get', { headers: { origin }, body: '{}' })).status).toBe(200);
    for (const site of ['cross-site', 'same-site']) {
      await refusedUnchanged(403, () => api('/api/call/projects:create', { headers: { 'sec-fetch-site': site }, body: JSON.stringify(CREATE) }));
      await refusedUnchanged(403, () => fetch(`${ui.origin}/`, { headers: { 'sec-fetch-site': site } }));
    }
  });
});

describe('static files', () => {
  test.each([
    ['/../secret.txt', 400],
    ['/assets/../../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/%2E%2E%2Fsecret.txt', 400],
    ['/..%2fsecret.txt', 400],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 400],
    ['/..\\secret.txt', 400],
    ['/assets\\..\\..\\secret.txt', 400],
    ['/%5c..%5csecret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['/%2e%2e%5csecret.txt', 400],
    ['//secret.txt', 400],
    ['/assets//app.js', 400],
    ['/index.html%00.js', 400],
    ['/C:%5cWindows%5cwin.ini', 400],
    ['/%zz', 400],
    ['/assets', 404],
    ['/assets/', 400],
    ['/secret.txt', 404],
    [`http://127.0.0.1:PORT/../secret.txt`, 400],
  ])('%s is refused (%i) and never shows what lies outside the renderer', async (path, status) => {
    await refusedUnchanged(status, async () => {
      const r = await rawRequest(ui.port, `GET ${path.replace('PORT', String(ui.port))} HTTP/1.1\nHost: 127.0.0.1:${ui.port}\nconnection: close`);
      expect(r.body).not.toContain(secret);
      return r;
    });
  });

  test('files of the renderer are served with the desktop window’s CSP and the other security headers; no CORS, no other methods', async () => {
    const page = await fetch(`${ui.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ADSG Workbench');
    const script = await fetch(`${ui.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const r of [page, script]) {
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect([...r.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    await refusedUnchanged(405, () => fetch(`${ui.origin}/`, { method: 'POST', body: 'x' }));
    const preflight = await fetch(`${ui.origin}/api/call/settings:get`, { method: 'OPTIONS', headers: { origin: ui.origin, 'access-control-request-method': 'POST' } });
    expect([...preflight.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('the JSON API', () => {
  test('answers carry no-store, nosniff, no-referrer and the CSP, and never a CORS header', async () => {
    const r = await api('/api/call/settings:get', { headers: { origin: ui.origin }, body: '{}' });
    expect(await r.json()).toMatchObject({ ok: true, value: { locale: 'zh-CN' } });
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect([...r.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  test('oversize JSON is 413, announced or streamed, and nothing runs', async () => {
    const big = JSON.stringify({ ...CREATE, name: 'x'.repeat(MAX_JSON_BYTES) });
    await refusedUnchanged(413, () => api('/api/call/projects:create', { body: big }));
    const head = `POST /api/call/projects:create HTTP/1.1\nHost: 127.0.0.1:${ui.port}\n${WEB_API.tokenHeader}: ${ui.token}\ncontent-type: application/json\ntransfer-encoding: chunked`;
    const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
    await refusedUnchanged(413, () => rawRequest(ui.port, head, chunk(big.slice(0, MAX_JSON_BYTES / 2)) + chunk(big.slice(MAX_JSON_BYTES / 2)) + '0\r\n\r\n'));
  });

  test('a body that is not JSON is 415 by its type and 400 by its content', async () => {
    await refusedUnchanged(415, () => api('/api/call/projects:create', { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(CREATE) }));
    await refusedUnchanged(415, () => api('/api/call/projects:create', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' }));
    await refusedUnchanged(400, () => api('/api/call/projects:create', { body: '{"name": ' }));
  });

  test('an unknown channel is refused by the dispatcher, an unknown API path is 404, GET on a call is 405', async () => {
    const r = await api('/api/call/fs:readFile', { body: '{"path":"/etc/passwd"}' });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await refusedUnchanged(404, () => api('/api/anything', { body: '{}' }));
    await refusedUnchanged(405, () => api('/api/call/settings:get', { method: 'GET', body: undefined }));
  });

  test('a path the page names is never opened: only files it uploaded for the call', async () => {
    const before = digest();
    const r = await ui.call('evidence:addPaths', { projectId, paths: [join(ui.dataDir, '..', 'secret.txt'), '/etc/passwd'], jobId: 'door' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(evidenceCount()).toBe(0);
    expect(digest()).toEqual(before);
  });
});

/** Starts an upload with the token; `size` is what the query announces. */
const uploadHead = (query: string, extra: string) =>
  `POST ${WEB_API.upload}?${query} HTTP/1.1\nHost: 127.0.0.1:${ui.port}\n${WEB_API.tokenHeader}: ${ui.token}\ncontent-type: application/octet-stream\n${extra}`;

describe('uploads', () => {
  test('a truncated upload (the body ends before the announced size) is 400 and keeps nothing', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    await refusedUnchanged(400, async () => {
      const r = await rawRequest(ui.port, uploadHead('name=a.bin&size=1000000&job=door-1&kind=evidence', 'transfer-encoding: chunked'), Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n0\r\n\r\n')]));
      expect(r.body).toContain('上传不完整：收到 65536 字节，文件应有 1000000 字节');
      return r;
    });
    expect(transfers()).toEqual([]);
  });

  test('an upload aborted halfway leaves no temp file and records nothing', async () => {
    const before = digest();
    const size = 8 * 1024 * 1024;
    let seen: string[] = [];
    // Half the bytes, then the connection drops once the server has its temp file open.
    const r = await rawRequest(ui.port, uploadHead(`name=half.bin&size=${size}&job=door-2&kind=evidence`, `content-length: ${size}`), Buffer.alloc(size / 2, 2), (socket) => {
      const wait = setInterval(() => {
        seen = transfers();
        if (!seen.length) return;
        clearInterval(wait);
        socket.destroy();
      }, 20);
    });
    expect(r.status).toBe(0);
    expect(seen).toHaveLength(1);
    await expect.poll(transfers).toEqual([]);
    expect(evidenceCount()).toBe(0);
    expect(digest()).toEqual(before);
  });

  test('an upload longer than announced, or whose length disagrees with it, is refused', async () => {
    await refusedUnchanged(400, () => rawRequest(ui.port, uploadHead('name=a.bin&size=10', 'content-length: 20'), Buffer.alloc(20)));
    await refusedUnchanged(413, () => rawRequest(ui.port, uploadHead('name=a.bin&size=10', 'transfer-encoding: chunked'), '14\r\n' + 'x'.repeat(20) + '\r\n0\r\n\r\n'));
    for (const query of ['name=..&size=1', 'name=&size=1', 'size=1', 'name=a&size=-1', 'name=a&size=1&kind=nope', 'name=a&size=1&evil=1']) {
      await refusedUnchanged(400, () => rawRequest(ui.port, uploadHead(query, 'content-length: 1'), 'x'));
    }
    expect(transfers()).toEqual([]);
  });

  /** Uploads `content` as `name`; resolves with the upload id. */
  async function upload(name: string, content: string): Promise<string> {
    const r = await fetch(`${ui.origin}${WEB_API.upload}?name=${encodeURIComponent(name)}&size=${Buffer.byteLength(content)}`, { method: 'POST', headers: { [WEB_API.tokenHeader]: ui.token }, body: content });
    expect(r.status).toBe(201);
    return ((await r.json()) as { upload: string }).upload;
  }

  test('an upload is read by one call, under the user’s file name, then removed; it cannot be used twice', async () => {
    const id = await upload('访谈记录 ../x:1.txt', 'interview notes');
    expect(transfers()).toHaveLength(1);
    const added = await ui.call<{ fileName: string }[]>('evidence:pick', { projectId, jobId: 'door-3' }, [id]);
    expect(added).toMatchObject({ ok: true, value: [{ fileName: '访谈记录 .._x_1.txt' }] });
    expect(transfers()).toEqual([]);
    await refusedUnchanged(400, () => api('/api/call/evidence:pick', { headers: { [WEB_API.uploadsHeader]: id }, body: JSON.stringify({ projectId, jobId: 'door-4' }) }));
  });

  test('uploads are refused by calls that take none, take one, or take other types; each is removed', async () => {
    const refusedAndRemoved = async (ids: string[], channel: string, input: unknown, message: string) => {
      const r = await api(`/api/call/${channel}`, { headers: { [WEB_API.uploadsHeader]: ids.join(',') }, body: JSON.stringify(input) });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toContain(message);
      expect(transfers()).toEqual([]);
    };
    await refusedAndRemoved([await upload('notes.txt', 'x')], 'settings:get', {}, WEB_MESSAGES['upload-unexpected']['zh-CN']);
    await refusedAndRemoved([await upload('notes.txt', 'not a pdf')], 'dossier:verify', {}, '.pdf');
    await refusedAndRemoved([await upload('a.pdf', '%PDF-1.4'), await upload('b.pdf', '%PDF-1.4')], 'dossier:verify', {}, WEB_MESSAGES['upload-one']['zh-CN']);
    await refusedAndRemoved([await upload('a.pdf', '%PDF-1.4'), 'not-an-id/../../etc'], 'dossier:verify', {}, WEB_MESSAGES['upload-unknown']['zh-CN']);
    expect(evidenceCount()).toBe(1);
  });

  test('a call naming 500 uploads (the most that may wait) still fits in its headers', async () => {
    // One real upload (so the ids are as long as the server's), and 499 more of the same length.
    const real = await upload('one.txt', '1');
    const ids = [real, ...Array.from({ length: 499 }, (_, i) => `${String(i).padStart(4, '0')}${'A'.repeat(real.length - 4)}`)];
    const r = await api('/api/call/evidence:pick', { headers: { [WEB_API.uploadsHeader]: ids.join(',') }, body: JSON.stringify({ projectId, jobId: 'door-6' }) });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(WEB_MESSAGES['upload-unknown']['zh-CN']);
    expect(transfers()).toEqual([]);
  });
});

describe('downloads', () => {
  test('a saved file is downloaded once, by a ticket that is not the token, under its own name', async () => {
    const r = await ui.call<{ saved: boolean; path: string }>('findings:export', { projectId, format: 'csv' });
    expect(r).toMatchObject({ ok: true, value: { saved: true, path: 'P-整改计划.csv' } });
    const [download] = r.downloads!;
    expect(download!.name).toBe('P-整改计划.csv');
    expect(download!.ticket).not.toContain(ui.token);
    await refusedUnchanged(403, () => fetch(`${ui.origin}${WEB_API.download}${download!.ticket}`, { headers: { origin: 'http://evil.example' } }));
    const file = await fetch(`${ui.origin}${WEB_API.download}${download!.ticket}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="P-____.csv"; filename*=UTF-8''P-${encodeURIComponent('整改计划')}.csv`);
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await expect.poll(transfers).toEqual([]);
    await refusedUnchanged(404, () => fetch(`${ui.origin}${WEB_API.download}${download!.ticket}`));
    await refusedUnchanged(404, () => fetch(`${ui.origin}${WEB_API.download}${'A'.repeat(43)}`));
    await refusedUnchanged(404, () => fetch(`${ui.origin}${WEB_API.download}..%2f..%2fworkbench.sqlite`));
  });

  test('a call that fails after choosing where to save leaves no download behind', async () => {
    // Bundle export asks where to save, then refuses: the one stored evidence file has gone missing.
    const [evidence] = (ui.db.prepare('SELECT sha256 FROM evidence').all() as { sha256: string }[]);
    rmSync(storedPath(dataPaths(ui.dataDir).evidence, evidence!.sha256));
    const r = await ui.call('bundle:export', { projectId, jobId: 'door-5' });
    expect(r).toMatchObject({ ok: false, error: { code: 'integrity' } });
    expect(r.downloads).toBeUndefined();
    expect(transfers()).toEqual([]);
  });
});
