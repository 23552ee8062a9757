import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readPackSource } from './read-source';
import { RulesPackError } from './errors';
import { writePackFile } from './installed';

/** What one compiled pack became. */
export interface BuiltPack {
  id: string;
  version: string;
  contentHash: string;
  file: string;
}

/**
 * Compiles every pack folder under `srcDir` (a folder holding `pack.yaml`) into
 * `<outDir>/<id>@<version>.json`. All packs are validated before any file is written, so a broken
 * pack never leaves a half-updated rules folder behind.
 */
export async function buildRulePacks(srcDir: string, outDir: string): Promise<BuiltPack[]> {
  const packs = [];
  for (const dir of await packFolders(srcDir)) packs.push(await readPackSource(dir));
  const seen = new Set<string>();
  for (const pack of packs) {
    const name = `${pack.id}@${pack.version}`;
    if (seen.has(name)) {
      throw new RulesPackError('invalid', { pack: name }, [{ message: `two folders under ${srcDir} define ${name}` }]);
    }
    seen.add(name);
  }
  const built: BuiltPack[] = [];
  for (const pack of packs) {
    const file = await writePackFile(outDir, pack);
    built.push({ id: pack.id, version: pack.version, contentHash: pack.contentHash, file });
  }
  return built;
}

async function packFolders(srcDir: string): Promise<string[]> {
  const entries = await readdir(srcDir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(srcDir, entry.name);
    const hasPack = await stat(join(dir, 'pack.yaml')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (hasPack) folders.push(dir);
  }
  return folders;
}
