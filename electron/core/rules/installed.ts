import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RulesPack } from '../../../shared/rules/schema';
import { parseCompiledPack } from './compiled';
import { RulesPackError } from './errors';

/** What a project records about the pack it was assessed against. */
export interface PackPin {
  id: string;
  version: string;
  contentHash: string;
}

/** One compiled pack file in a rules folder. */
export interface InstalledPack {
  id: string;
  version: string;
  file: string;
}

const BUNDLE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d+\.\d+\.\d+)\.json$/;

/** `adsg-2026` or `adsg-2026@1.0.0`, as a user names a pack. */
export function parsePackRef(ref: string): { id: string; version?: string } {
  const [id = '', version] = ref.split('@');
  return version ? { id, version } : { id };
}

/** The file name of a compiled pack: several packs and versions sit side by side in one folder. */
export function bundleFileName(id: string, version: string): string {
  return `${id}@${version}.json`;
}

/** The compiled packs in `rulesDir`, sorted by id then version (oldest first). A missing folder holds none. */
export async function listInstalledPacks(rulesDir: string): Promise<InstalledPack[]> {
  let names: string[];
  try {
    names = await readdir(rulesDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .flatMap((name) => {
      const match = BUNDLE_NAME.exec(name);
      return match?.[1] && match[2] ? [{ id: match[1], version: match[2], file: join(rulesDir, name) }] : [];
    })
    .sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/**
 * Loads and fully validates an installed pack: the given version, or the newest one of that id.
 * Throws `RulesPackError` when it is missing, invalid or does not match its hashes.
 */
export async function loadInstalledPack(rulesDir: string, id: string, version?: string): Promise<RulesPack> {
  const candidates = (await listInstalledPacks(rulesDir)).filter(
    (p) => p.id === id && (!version || p.version === version),
  );
  const chosen = candidates.at(-1);
  if (!chosen) throw new RulesPackError('not-found', { pack: version ? `${id}@${version}` : id, dir: rulesDir });
  const pack = await parseOnce(chosen.file);
  if (pack.id !== chosen.id || pack.version !== chosen.version) {
    throw new RulesPackError('invalid', { pack: chosen.file }, [
      { file: chosen.file, message: `the file holds ${pack.id}@${pack.version}, not what its name says` },
    ]);
  }
  return pack;
}

const parsed = new Map<string, { mtimeMs: number; size: number; pack: RulesPack }>();

/**
 * A compiled pack file, validated in full the first time and again whenever the file changes
 * (size or modification time): opening a project must not pay ~100 ms of re-validation each time.
 * The returned pack is shared; callers never mutate it.
 */
async function parseOnce(file: string): Promise<RulesPack> {
  const { mtimeMs, size } = await stat(file);
  const hit = parsed.get(file);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.pack;
  const pack = parseCompiledPack(await readJson(file), file);
  parsed.set(file, { mtimeMs, size, pack });
  return pack;
}

/**
 * Loads the pack a project pinned. A pack with the pinned id and version but another content hash
 * is refused: the project's answers were given against different rules.
 */
export async function loadPinnedPack(rulesDir: string, pin: PackPin): Promise<RulesPack> {
  const pack = await loadInstalledPack(rulesDir, pin.id, pin.version);
  if (pack.contentHash !== pin.contentHash) {
    throw new RulesPackError('hash-mismatch', {
      pack: `${pin.id}@${pin.version}`,
      found: pack.contentHash,
      expected: pin.contentHash,
    });
  }
  return pack;
}

/**
 * Installs a compiled pack (from an import or a newer app) next to the others. Installing the same
 * content again is a no-op; different content under an installed id and version is refused.
 */
export async function installPack(rulesDir: string, json: unknown): Promise<RulesPack> {
  const pack = parseCompiledPack(json, 'import');
  const existing = (await listInstalledPacks(rulesDir)).find((p) => p.id === pack.id && p.version === pack.version);
  if (existing) {
    const installed = await loadInstalledPack(rulesDir, pack.id, pack.version);
    if (installed.contentHash === pack.contentHash) return installed;
    throw new RulesPackError('conflict', {
      pack: `${pack.id}@${pack.version}`,
      found: installed.contentHash,
      expected: pack.contentHash,
    });
  }
  await writePackFile(rulesDir, pack);
  return pack;
}

/** Writes a compiled pack to `<rulesDir>/<id>@<version>.json` through a temp file and a rename. */
export async function writePackFile(rulesDir: string, pack: RulesPack): Promise<string> {
  await mkdir(rulesDir, { recursive: true });
  const file = join(rulesDir, bundleFileName(pack.id, pack.version));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(pack, null, 2)}\n`, 'utf8');
  await rename(temp, file);
  return file;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new RulesPackError('invalid', { pack: file }, [{ file, message: `not valid JSON: ${(e as Error).message}` }]);
  }
}

/** Orders MAJOR.MINOR.PATCH versions numerically (1.10.0 after 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
