import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseFacts } from '../../shared/rules/facts';
import { ERROR_CODES } from '../../shared/ipc/result';
import { loadWindowState } from '../../electron/main/app/window-state';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { RulesPackError } from '../../electron/core/rules/errors';
import { parseCompiledPack } from '../../electron/core/rules/compiled';
import { SigningError } from '../../electron/core/signing/errors';
import { readPkcs12, writePkcs12 } from '../../electron/core/signing/pkcs12';
import { importTrustedCertificates } from '../../electron/core/signing';
import { loadWorkspace } from '../../electron/core/workspace/service';
import { makeSigner } from '../core/signing/support';
import { acceptedSample, copyDataDir, FIXED_NOW } from '../fixtures/bundles/sample';
import { RULES_DIR, tempCore, tempDir } from '../helpers/temp';
import { anyValue, FUZZ_SEED } from './arbitraries';

/** Byte edits of a real file: flips, cuts and insertions. */
type ByteEdit = { flip: number[]; mask: number } | { cut: number } | { insertAt: number; bytes: Uint8Array };
const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ flip: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ cut: fc.nat() }),
  fc.record({ insertAt: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }) }),
);
function edited(bytes: Buffer, e: ByteEdit): Buffer {
  if ('flip' in e) {
    const out = Buffer.from(bytes);
    for (const at of e.flip) out[at % out.length]! ^= e.mask;
    return out;
  }
  if ('cut' in e) return bytes.subarray(0, e.cut % bytes.length);
  const at = e.insertAt % bytes.length;
  return Buffer.concat([bytes.subarray(0, at), e.bytes, bytes.subarray(at)]);
}

/** Sets one value somewhere inside a JSON value (a path of indexes into keys/items). */
function setDeep(root: unknown, path: number[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const [i, step] of path.entries()) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[step % keys.length]!;
    const child = node[key];
    if (i === path.length - 1 || child === null || typeof child !== 'object') {
      node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

const onlyThrows = (kind: new (...args: never[]) => Error, run: () => unknown) => {
  try {
    run();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(kind);
  }
};

describe('door: window-state.json (electron/main/app/window-state.ts)', () => {
  test('any content gives a window of sane size, never an exception', () => {
    const file = join(tempDir(), 'window-state.json');
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' }), anyValue.map((v) => JSON.stringify(v) ?? '')), (text) => {
        writeFileSync(file, text);
        const state = loadWindowState(file);
        expect(state.width).toBeGreaterThanOrEqual(800);
        expect(state.width).toBeLessThanOrEqual(10_000);
        expect(state.height).toBeGreaterThanOrEqual(600);
        expect(state.height).toBeLessThanOrEqual(10_000);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
    expect(loadWindowState(join(tempDir(), 'missing.json'))).toMatchObject({ width: 1280, height: 820 });
  });
});

describe('door: compiled rules packs (electron/core/rules/compiled.ts)', () => {
  test('a pack edited anywhere is refused with a RulesPackError, never another exception', () => {
    const pack = JSON.parse(readFileSync(join(RULES_DIR, 'adsg-2026@1.0.0.json'), 'utf8')) as unknown;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), anyValue, (path, value) => {
        onlyThrows(RulesPackError, () => parseCompiledPack(setDeep(pack, path, value), 'fuzz.json'));
      }),
      { seed: FUZZ_SEED, numRuns: 150 },
    );
  });
});

describe('door: determine facts JSON (shared/rules/facts.ts)', () => {
  test('any value is either facts or a list of localised problems, never an exception', () => {
    const pack = parseCompiledPack(JSON.parse(readFileSync(join(RULES_DIR, 'adsg-2026@1.0.0.json'), 'utf8')), 'pack');
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ organization: anyValue, flows: fc.array(anyValue, { maxLength: 3 }) })), fc.constantFrom('zh-CN' as const, 'en' as const), (input, locale) => {
        const r = parseFacts(pack, input, locale);
        if (!r.ok) expect(r.issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});

describe('door: identities (.p12) and trusted certificates (electron/core/signing)', () => {
  let p12: Buffer = Buffer.alloc(0);
  let cert: Buffer = Buffer.alloc(0);
  beforeAll(() => {
    const signer = makeSigner('Door', 'Door', 2048);
    // Few iterations: the point is the parser, not the KDF (whose iteration count is capped).
    p12 = writePkcs12(signer, 'passphrase-1', { iterations: 1000 });
    cert = signer.certificate;
  });

  test('a damaged PKCS#12 is a SigningError', () => {
    fc.assert(
      fc.property(byteEdit, (e) => onlyThrows(SigningError, () => readPkcs12(edited(p12, e), 'passphrase-1'))),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });

  test('a damaged certificate is a SigningError or a certificate, and the trust folder only ever holds parsed ones', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.oneof(byteEdit.map((e) => edited(cert, e)), byteEdit.map((e) => edited(Buffer.from(`-----BEGIN CERTIFICATE-----\n${cert.toString('base64')}\n-----END CERTIFICATE-----\n`), e))), async (bytes) => {
        try {
          await importTrustedCertificates(dir, bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(SigningError);
        }
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });
});

describe('door: the SQLite file itself, edited behind the app’s back', () => {
  let source = '';
  let projectId = '';
  let evidenceId = '';
  // Exactly 64 characters, as the table's CHECK demands.
  const EVIL_HASH = `${'../'.repeat(18)}etc/passwd`;
  const EDITS: Record<string, (ids: { evidence: string }) => string> = {
    'a JSON column that is not JSON': () => "UPDATE flows SET data_categories = 'not json'",
    'a role and credit code outside the schema': () => "UPDATE projects SET role = 'admin', credit_code = 'x'",
    'an evidence hash that is a path': (i) => `UPDATE evidence SET sha256 = '${EVIL_HASH}' WHERE id = '${i.evidence}'`,
    'an accepted snapshot that is not a workspace': () => `UPDATE revisions SET snapshot = '{"x":1}'`,
    'a trail row that is not JSON': () => "DROP TRIGGER audit_trail_no_update; UPDATE audit_trail SET after = 'not json' WHERE seq = 3",
    'a setting outside the schema': () => "INSERT OR REPLACE INTO settings (key, value) VALUES ('locale', 'tlh')",
  };
  const READS = (id: string, evidence: string): Record<string, unknown> => ({
    'app:info': {},
    'settings:get': {},
    'projects:list': { includeArchived: true },
    'projects:get': { id },
    'workspace:get': { projectId: id },
    'trail:list': { projectId: id },
    'trail:verify': { projectId: id },
    'review:status': { projectId: id },
    'evidence:preview': { id: evidence },
    'evidence:verify': { projectId: id },
    'findings:export': { projectId: id, format: 'csv' },
    'dossier:generate': { projectId: id, lang: 'en', identityId: '0'.repeat(64), passphrase: 'x', jobId: 'door' },
  });

  beforeAll(async () => {
    const sample = await acceptedSample();
    projectId = sample.projectId;
    evidenceId = loadWorkspace(sample.core, projectId).evidence[0]!.id;
    source = sample.core.dataDir;
    sample.core.close();
  }, 60_000);

  async function readsAfter(sql: string) {
    const dir = copyDataDir(source);
    const db = new Database(join(dir, 'workbench.sqlite'));
    db.exec(sql);
    db.close();
    const core = tempCore({ dataDir: dir, now: FIXED_NOW });
    try {
      const results: Record<string, Awaited<ReturnType<typeof dispatch>>> = {};
      for (const [channel, input] of Object.entries(READS(projectId, evidenceId))) results[channel] = await dispatch(core, channel, input);
      return results;
    } finally {
      core.close();
    }
  }

  test.each(Object.keys(EDITS))('%s: every read is a Result with a known code, and no signature goes on damaged data', async (edit) => {
    const results = await readsAfter(EDITS[edit]!({ evidence: evidenceId }));
    for (const [channel, r] of Object.entries(results)) {
      if (!r.ok) expect(ERROR_CODES, channel).toContain(r.error.code);
    }
    expect(results['dossier:generate']!.ok).toBe(false);
  });

  test('a stored hash that is a path never reaches the file system', async () => {
    const results = await readsAfter(EDITS['an evidence hash that is a path']!({ evidence: evidenceId }));
    expect(results['evidence:preview']).toMatchObject({ ok: false });
    expect(JSON.stringify(results['evidence:preview'])).not.toContain('root:');
  });

  // Data damaged outside the app (output that fails its schema, JSON that does not parse, a stored
  // hash that is not one) must surface as `integrity`, never as an internal error.
  test('damaged data is reported as integrity, not as an internal error', async () => {
    for (const edit of Object.keys(EDITS)) {
      const results = await readsAfter(EDITS[edit]!({ evidence: evidenceId }));
      for (const [channel, r] of Object.entries(results)) expect(r.ok || r.error.code, `${edit} → ${channel}`).not.toBe('internal');
    }
  });
});
