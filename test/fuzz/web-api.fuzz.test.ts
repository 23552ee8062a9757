import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/ipc/result';
import { CallReply, WEB_API } from '../../shared/ipc/web';
import { verifyTrail } from '../../electron/core/audit-trail/trail';
import { acceptedSample, copyDataDir, treeDigest } from '../fixtures/bundles/sample';
import { fixtureRenderer } from '../web/fixture-renderer';
import { rawRequest } from '../web/raw-http';
import { startUi, type UiProcess } from '../web/ui-process';
import { FUZZ_SEED, anyValue, mutationsOf } from './arbitraries';

let ui: UiProcess;
let secret: string;
let projectId: string;

/** Channels whose valid input costs seconds (an RSA key, a whole sample project): left to the IPC fuzz. */
const HEAVY = new Set(['projects:createDemo', 'identities:create']);
const channels = CHANNELS.filter((c) => !HEAVY.has(c));

/** JSON text for any value, as a page could send it (what JSON cannot say becomes null). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

/**
 * A request body: JSON near an input many channels take (a real project's id reaches their
 * handlers), JSON of anything, or bytes that are not JSON at all.
 */
const body = () => fc.oneof(
  { weight: 3, arbitrary: mutationsOf({ projectId, id: projectId, jobId: 'fuzz' }).map(jsonText) },
  { weight: 2, arbitrary: anyValue.map(jsonText) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'multipart/form-data; boundary=x', '', 'application/json;', 'application/jsonx');
const uploadsHeader = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 80 }), fc.constant('A'.repeat(32)), fc.constant(`${'A'.repeat(32)},${'B'.repeat(32)}`));
const channel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...channels) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) });

/** What every reply of the API must be: a known status and a Result, never a crash. */
async function expectResult(response: Response, allowed: number[]) {
  expect(allowed).toContain(response.status);
  const reply = CallReply.safeParse(await response.json());
  expect(reply.success).toBe(true);
  if (reply.success && !reply.data.ok) {
    expect(ERROR_CODES).toContain(reply.data.error.code);
    expect(reply.data.error.message.length).toBeGreaterThan(0);
    // An internal error is an exception nobody meant to throw: a bug, whatever the input.
    expect(reply.data.error.code, reply.data.error.message).not.toBe('internal');
  }
}

beforeAll(async () => {
  const sample = await acceptedSample();
  projectId = sample.projectId;
  const dataDir = copyDataDir(sample.core.dataDir);
  sample.core.close();
  const renderer = fixtureRenderer();
  secret = renderer.secret;
  ui = await startUi({ dataDir, env: { ADSG_RENDERER_DIR: renderer.dir } });
}, 60_000);

afterAll(async () => {
  expect(await ui.stop()).toBe(0);
  const db = new Database(join(ui.dataDir, 'workbench.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const chains = db.prepare('SELECT DISTINCT chain_key AS key FROM audit_trail').all() as { key: string }[];
    for (const { key } of chains) expect(verifyTrail(db, key), `chain ${key}`).toMatchObject({ ok: true });
  } finally {
    db.close();
  }
});

describe('the web host survives random HTTP requests (fast-check, fixed seed)', () => {
  test('calls with random channels, bodies, content types and upload ids always get a Result, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(channel, body(), contentType, uploadsHeader, async (name, text, type, uploads) => {
        const response = await fetch(`${ui.origin}${WEB_API.call}${name}`, {
          method: 'POST',
          headers: { [WEB_API.tokenHeader]: ui.token, 'content-type': type, ...(uploads === undefined ? {} : { [WEB_API.uploadsHeader]: uploads }) },
          body: text,
        });
        await expectResult(response, [200, 400, 404, 413, 415]);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
    // Still serving, and the project the fuzz may have changed still reads.
    expect(await ui.call('workspace:get', { projectId })).toMatchObject({ ok: true });
  }, 120_000);

  test('without the token nothing runs, whatever is sent: 401 and the data folder unchanged', async () => {
    const before = Object.fromEntries(Object.entries(treeDigest(ui.dataDir)).filter(([n]) => !n.endsWith('-shm')));
    const token = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 }), fc.constant(ui.token.slice(1)), fc.constant(`${ui.token}=`), fc.constant(ui.token.toLowerCase()));
    await fc.assert(
      fc.asyncProperty(channel, body(), token, async (name, text, given) => {
        const response = await fetch(`${ui.origin}${WEB_API.call}${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(given === undefined ? {} : { [WEB_API.tokenHeader]: given }) },
          body: text,
        });
        await expectResult(response, [401]);
      }),
      { seed: FUZZ_SEED, numRuns: 150 },
    );
    expect(Object.fromEntries(Object.entries(treeDigest(ui.dataDir)).filter(([n]) => !n.endsWith('-shm')))).toEqual(before);
  }, 60_000);

  test('uploads with random query strings and bodies are taken or refused, never a crash', async () => {
    const query = fc.dictionary(fc.constantFrom('name', 'size', 'job', 'kind', 'offset', 'total', 'x'), fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String), fc.constant('-1'), fc.constant('1e30')), { maxKeys: 7 });
    await fc.assert(
      fc.asyncProperty(query, fc.uint8Array({ maxLength: 3000 }), async (params, bytes) => {
        const response = await fetch(`${ui.origin}${WEB_API.upload}?${new URLSearchParams(params)}`, { method: 'POST', headers: { [WEB_API.tokenHeader]: ui.token }, body: bytes });
        if (response.status === 201) return void (await response.json());
        await expectResult(response, [400, 413]);
      }),
      { seed: FUZZ_SEED, numRuns: 150 },
    );
  }, 60_000);

  test('random paths never show a file outside the renderer and never crash the server', async () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%5c', '..\\', 'assets', 'index.html', '', '%00', '%zz', 'secret.txt', '~', 'C:', '%252e%252e'), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        // Bytes a request line cannot carry raw are percent-encoded, as a browser would send them.
        // eslint-disable-next-line no-control-regex -- control characters are exactly what must be encoded
        const path = `/${segments.join('/')}`.replace(/[\s\u0000-\u001f\u007f-\uffff]/g, (c) => encodeURIComponent(c));
        const r = await rawRequest(ui.port, `GET ${path} HTTP/1.1\nHost: 127.0.0.1:${ui.port}\nconnection: close`);
        expect([200, 400, 404]).toContain(r.status);
        expect(r.body).not.toContain(secret);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  }, 60_000);
});
