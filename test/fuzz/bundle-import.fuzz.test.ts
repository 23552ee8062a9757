import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES } from '../../shared/ipc/result';
import { verifyTrail } from '../../electron/core/audit-trail/trail';
import { verifyProjectEvidence } from '../../electron/core/evidence-records/service';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { headlessPorts, type Ports } from '../../electron/core/ports';
import { makeSigner } from '../core/signing/support';
import { readParts, writeZip, type BundleParts } from '../fixtures/bundles/hostile';
import { acceptedSample, exportTo, FIXED_NOW, treeDigest } from '../fixtures/bundles/sample';
import { tempCore, tempDir } from '../helpers/temp';
import { FUZZ_SEED, prototypeIsClean } from './arbitraries';

/** A change to a real bundle: bytes flipped, cut or inserted, or its entries reordered, duplicated, dropped or replaced. */
type Mutation =
  | { kind: 'flip'; at: number[]; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'reorder'; seed: number }
  | { kind: 'duplicate' | 'drop'; index: number }
  | { kind: 'replace'; index: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constantFrom('duplicate' as const, 'drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), bytes: fc.uint8Array({ maxLength: 200 }) }),
);

/** The mutated bundle, written to a new file. */
async function apply(m: Mutation, bytes: Buffer, parts: BundleParts): Promise<string> {
  const file = join(tempDir('adsg-fuzz-'), 'b.adsg');
  const out = Buffer.from(bytes);
  const entries = parts.entries.map((e) => ({ ...e, compress: e.name.endsWith('.json') }));
  const pick = (i: number) => i % entries.length;
  switch (m.kind) {
    case 'flip':
      for (const at of m.at) out[at % out.length]! ^= m.mask;
      writeFileSync(file, out);
      return file;
    case 'truncate':
      writeFileSync(file, out.subarray(0, m.at % out.length));
      return file;
    case 'insert': {
      const at = m.at % out.length;
      writeFileSync(file, Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]));
      return file;
    }
    case 'reorder':
      return writeZip(file, entries.map((e, i) => ({ e, k: (i * 7919 + m.seed) % 104729 })).sort((a, b) => a.k - b.k).map(({ e }) => e));
    case 'duplicate':
      return writeZip(file, [...entries, entries[pick(m.index)]!]);
    case 'drop':
      return writeZip(file, entries.filter((_e, i) => i !== pick(m.index)));
    case 'replace':
      return writeZip(file, entries.map((e, i) => (i === pick(m.index) ? { ...e, data: Buffer.from(m.bytes) } : e)));
  }
}

/** Everything in the data folder but the SQLite shared-memory index, which an open connection rewrites on reads. */
const digest = (dir: string) => Object.fromEntries(Object.entries(treeDigest(dir)).filter(([name]) => !name.endsWith('-shm')));

const bundles: { name: string; bytes: Buffer; parts: BundleParts }[] = [];

beforeAll(async () => {
  const { core, projectId } = await acceptedSample();
  for (const [name, options] of [['unsigned', {}], ['signed', { signer: makeSigner('Fuzz', 'Fuzz', 2048) }]] as const) {
    const file = await exportTo(core, projectId, options);
    bundles.push({ name, bytes: readFileSync(file), parts: await readParts(file) });
  }
  core.close();
}, 60_000);

describe('bundle import survives mutated real bundles (fast-check, fixed seed)', () => {
  test.each([['unsigned'], ['signed']])('%s bundle: imported, or refused with a typed error and nothing written', async (name) => {
    const { bytes, parts } = bundles.find((b) => b.name === name)!;
    const core = tempCore({ now: FIXED_NOW });
    let file = '';
    const ports: Ports = { ...headlessPorts, pickFiles: async () => [file] };
    let imported = 0;
    try {
      await fc.assert(
        fc.asyncProperty(mutation, fc.boolean(), async (m, asCopy) => {
          file = await apply(m, bytes, parts);
          const before = digest(core.dataDir);
          const result = await dispatch(core, 'bundle:import', { asCopy, jobId: 'fuzz' }, ports);
          expect(prototypeIsClean()).toBe(true);
          if (result.ok) {
            imported++;
            return;
          }
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code, result.error.message).not.toBe('internal');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(digest(core.dataDir), `${m.kind}: ${result.error.message}`).toEqual(before);
        }),
        { seed: FUZZ_SEED, numRuns: 150 },
      );
      // Some mutations (reordering, a flip in a zip comment or timestamp) leave a valid bundle.
      expect(imported).toBeGreaterThan(0);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
      for (const { id } of core.db.prepare('SELECT id FROM projects').all() as { id: string }[]) {
        expect(verifyTrail(core.db, id)).toMatchObject({ ok: true });
        expect(await verifyProjectEvidence(core, id)).toMatchObject({ ok: true });
      }
    } finally {
      core.close();
    }
  }, 60_000);
});
