import { appendFile, mkdir, open, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../electron/core/evidence/errors';
import { storedPath } from '../../../electron/core/evidence/paths';
import { verifyAll, verifyStoredFile } from '../../../electron/core/evidence/verify';
import { storeFile, tempFolder, writeRandomFile } from './helpers';

/** Ingests files with the given names and sizes; returns the store root and what was recorded. */
async function storeWith(files: Record<string, number>) {
  const dir = await tempFolder();
  const root = path.join(dir, 'evidence');
  const entries: { name: string; sha256: string; size: number }[] = [];
  for (const [name, size] of Object.entries(files)) {
    const src = path.join(dir, name);
    await writeRandomFile(src, size);
    const { sha256 } = await storeFile(src, root);
    entries.push({ name, sha256, size });
  }
  return { root, entries, entry: (name: string) => entries.find((e) => e.name === name)! };
}

/** Flips one byte in place: same size, different content, so only re-hashing can notice. */
async function flipByte(file: string, position: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, position);
    byte[0] = byte[0]! ^ 0xff;
    await handle.write(byte, 0, 1, position);
  } finally {
    await handle.close();
  }
}

describe('verifyStoredFile', () => {
  it('tells ok, missing and modified apart', async () => {
    const { root, entry } = await storeWith({ 'a.bin': 3_000_000, 'b.bin': 1000, 'c.bin': 1000, 'd.bin': 1000 });
    const [a, b, c, d] = [entry('a.bin'), entry('b.bin'), entry('c.bin'), entry('d.bin')];
    expect(await verifyStoredFile(root, a.sha256, a.size)).toBe('ok');

    await flipByte(storedPath(root, a.sha256), 2_500_000);
    expect(await verifyStoredFile(root, a.sha256, a.size)).toBe('modified');

    await appendFile(storedPath(root, b.sha256), 'x');
    expect(await verifyStoredFile(root, b.sha256, b.size)).toBe('modified');

    await rm(storedPath(root, c.sha256));
    expect(await verifyStoredFile(root, c.sha256, c.size)).toBe('missing');

    // A symbolic link to the right bytes is still not the file that was stored.
    const target = path.join(root, 'elsewhere');
    await writeFile(target, 'x');
    await rm(storedPath(root, d.sha256));
    await symlink(target, storedPath(root, d.sha256));
    expect(await verifyStoredFile(root, d.sha256, d.size)).toBe('modified');
  });

  it('reports a file whose prefix folder is gone as missing', async () => {
    const { root, entry } = await storeWith({ 'a.bin': 10 });
    const a = entry('a.bin');
    await rm(path.dirname(storedPath(root, a.sha256)), { recursive: true });
    expect(await verifyStoredFile(root, a.sha256, a.size)).toBe('missing');
  });

  it('reports a folder at the address as modified', async () => {
    const { root, entry } = await storeWith({ 'a.bin': 10 });
    const a = entry('a.bin');
    await rm(storedPath(root, a.sha256));
    await mkdir(storedPath(root, a.sha256));
    expect(await verifyStoredFile(root, a.sha256, a.size)).toBe('modified');
  });
});

describe('verifyAll', () => {
  it('names each modified and each missing file, and nothing else', async () => {
    const { root, entries, entry } = await storeWith({
      'policy.pdf': 2_000_000,
      'firewall.conf': 5000,
      'photo.jpg': 40_000,
      'log-extract.txt': 100,
    });
    // The same content recorded a second time under another name (deduplicated in the store).
    const all = [...entries, { ...entry('policy.pdf'), name: 'policy (copy).pdf' }];
    await flipByte(storedPath(root, entry('firewall.conf').sha256), 0);
    await rm(storedPath(root, entry('photo.jpg').sha256));

    const progress: [number, number][] = [];
    const problems = await verifyAll(root, all, { onProgress: (done, total) => progress.push([done, total]) });

    expect(problems).toEqual([
      { name: 'firewall.conf', sha256: entry('firewall.conf').sha256, status: 'modified' },
      { name: 'photo.jpg', sha256: entry('photo.jpg').sha256, status: 'missing' },
    ]);
    const total = 2_000_000 + 5000 + 40_000 + 100;
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('reports every name that shares a modified content', async () => {
    const { root, entry } = await storeWith({ 'a.txt': 100 });
    const a = entry('a.txt');
    await flipByte(storedPath(root, a.sha256), 50);
    const problems = await verifyAll(root, [a, { ...a, name: 'b.txt' }]);
    expect(problems.map((p) => [p.name, p.status])).toEqual([
      ['a.txt', 'modified'],
      ['b.txt', 'modified'],
    ]);
  });

  it('returns no problems for an intact store', async () => {
    const { root, entries } = await storeWith({ 'a.txt': 100, 'b.txt': 200 });
    expect(await verifyAll(root, entries)).toEqual([]);
  });

  it('refuses a malformed hash before reading anything', async () => {
    const { root, entries } = await storeWith({ 'a.txt': 100 });
    const bad = { name: 'evil', sha256: '../../etc/passwd', size: 1 };
    await expect(verifyAll(root, [...entries, bad])).rejects.toMatchObject({ code: 'bad-hash' });
    await expect(verifyAll(root, [...entries, bad])).rejects.toBeInstanceOf(EvidenceError);
  });

  it('stops with cancelled when aborted', async () => {
    const { root, entries } = await storeWith({ 'a.bin': 4_000_000, 'b.bin': 4_000_000 });
    const controller = new AbortController();
    const run = verifyAll(root, entries, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});
