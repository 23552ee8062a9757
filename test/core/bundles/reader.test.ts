import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { classifyEntry, isUnsafeEntryName } from '../../../electron/core/bundles/entry-names';
import { DEFAULT_LIMITS } from '../../../electron/core/bundles/limits';
import { manifestBytes, parseManifest, type Manifest } from '../../../electron/core/bundles/manifest';
import { BundleReader } from '../../../electron/core/bundles/zip-reader';
import { writeZip } from '../../fixtures/bundles/hostile';
import { tempDir } from '../../helpers/temp';

const NAME = `evidence/${'a'.repeat(64)}`;

/** Overwrites the uncompressed size the central directory declares for every entry. */
function declareSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = out.indexOf(sig); at !== -1; at = out.indexOf(sig, at + 1)) out.writeUInt32LE(size, at + 24);
  return out;
}

async function zipOfZeros(bytes: number, declared: number): Promise<string> {
  const file = join(tempDir(), 'z.adsg');
  const chunk = Buffer.alloc(1024 * 1024);
  await writeZip(file, [{ name: NAME, data: () => Readable.from((function* () { for (let n = 0; n < bytes; n += chunk.length) yield chunk; })()), compress: true }]);
  writeFileSync(file, declareSize(readFileSync(file), declared));
  return file;
}

async function extractAll(file: string) {
  const reader = await BundleReader.open(file, DEFAULT_LIMITS);
  const out = await open(join(tempDir(), 'out'), 'w');
  try {
    return await reader.extract(reader.entries[0]!, out);
  } finally {
    await out.close();
    reader.close();
  }
}

describe('the zip reader counts the bytes it inflates, whatever the zip declares', () => {
  test('a bomb that declares 100 KB but inflates to 32 MiB stops just past the declared size', async () => {
    const file = await zipOfZeros(32 * 1024 * 1024, 100_000);
    await expect(extractAll(file)).rejects.toMatchObject({ reason: 'damaged-entry' });
  });

  test('an honest entry is hashed and counted exactly', async () => {
    const file = await zipOfZeros(3 * 1024 * 1024, 3 * 1024 * 1024);
    // 3 MiB of zeros compress ~1000:1: honest, but over the ratio a bundle may use.
    await expect(BundleReader.open(file, DEFAULT_LIMITS)).rejects.toMatchObject({ reason: 'compression-ratio' });
    const reader = await BundleReader.open(file, { ...DEFAULT_LIMITS, maxCompressionRatio: 10_000 });
    const out = await open(join(tempDir(), 'out'), 'w');
    const digest = await reader.extract(reader.entries[0]!, out);
    await out.close();
    reader.close();
    expect(digest).toEqual({ size: 3 * 1024 * 1024, sha256: createHash('sha256').update(Buffer.alloc(3 * 1024 * 1024)).digest('hex') });
  });
});

describe('entry names', () => {
  test('only the bundle layout is known; anything that could leave a folder is unsafe', () => {
    expect(classifyEntry('manifest.json')).toEqual({ kind: 'manifest' });
    expect(classifyEntry(NAME)).toEqual({ kind: 'evidence', sha256: 'a'.repeat(64) });
    expect(classifyEntry(`dossiers/${'b'.repeat(64)}.pdf`)).toEqual({ kind: 'dossier', sha256: 'b'.repeat(64) });
    for (const name of ['Manifest.json', `evidence/${'A'.repeat(64)}`, `evidence/${'a'.repeat(63)}`, 'evidence/', './project.json', 'constructor', '__proto__', 'toString']) {
      expect(classifyEntry(name), name).toBeUndefined();
    }
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', 'evidence/\u0000', 'x\u001b[2J']) expect(isUnsafeEntryName(name), name).toBe(true);
    expect(isUnsafeEntryName(NAME)).toBe(false);
  });
});

describe('manifest.json', () => {
  const manifest: Manifest = {
    format: 'adsg-bundle',
    formatVersion: 1,
    createdAt: '2026-11-23T08:00:00.000Z',
    generator: 'ADSG Workbench test',
    project: { id: '7f1c2a9e-4b6d-4e2a-9c1b-3d5e7f9a1b2c', name: 'P' },
    rulesPack: { id: 'adsg-2026', version: '1.0.0', contentHash: 'c'.repeat(64) },
    trail: { head: 'd'.repeat(64), rows: 3 },
    entries: [{ name: 'project.json', size: 10, sha256: 'e'.repeat(64) }],
  };

  test('reads back what it writes, and nothing spelled differently', () => {
    expect(parseManifest(manifestBytes(manifest))).toEqual(manifest);
    const compact = Buffer.from(JSON.stringify(manifest));
    expect(() => parseManifest(compact)).toThrow(expect.objectContaining({ reason: 'manifest-invalid' }));
    const duplicated = Buffer.from(manifestBytes(manifest).toString().replace('"format": "adsg-bundle",', '"format": "adsg-bundle",\n  "format": "adsg-bundle",'));
    expect(() => parseManifest(duplicated)).toThrow(expect.objectContaining({ reason: 'manifest-invalid' }));
  });

  test('a newer format version has its own message; garbage and unknown fields are invalid', () => {
    expect(() => parseManifest(manifestBytes({ ...manifest, formatVersion: 7 } as unknown as Manifest))).toThrow(expect.objectContaining({ reason: 'format-version', params: expect.objectContaining({ found: '7' }) }));
    for (const bad of ['', 'null', '[]', '{"format":"zip"}', '\u00ff\u00fe', '{"format":"adsg-bundle","formatVersion":1}']) {
      expect(() => parseManifest(Buffer.from(bad, 'latin1')), bad).toThrow(expect.objectContaining({ reason: 'manifest-invalid' }));
    }
    expect(() => parseManifest(manifestBytes({ ...manifest, extra: 1 } as unknown as Manifest))).toThrow(expect.objectContaining({ reason: 'manifest-invalid' }));
    expect(() => parseManifest(Buffer.from('['.repeat(100_000)))).toThrow(expect.objectContaining({ reason: 'manifest-invalid' }));
  });
});
