import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../../../shared/i18n/locale';
import type { RulesPack } from '../../../shared/rules/schema';
import { parseCompiledPack } from './compiled';
import { RulesPackError } from './errors';
import { bundleFileName, describeLocation, isRelease, listInstalledPacks, type InstalledPack, type RulesLocation } from './locations';

export { bundleFileName, compareVersions, listInstalledPacks, type InstalledPack, type RulesLocation } from './locations';

/** What a project records about the pack it was assessed against. */
export interface PackPin {
  id: string;
  version: string;
  contentHash: string;
}

/** `adsg-2026` or `adsg-2026@1.0.0`, as a user names a pack. */
export function parsePackRef(ref: string): { id: string; version?: string } {
  const [id = '', version] = ref.split('@');
  return version ? { id, version } : { id };
}

/**
 * Loads and fully validates an installed pack: the given version, or the newest release of that id
 * (a version with a pre-release label, such as the sample `1.1.0-example`, is used only when named).
 * Throws `RulesPackError` when it is missing, invalid or does not match its hashes.
 */
export async function loadInstalledPack(location: RulesLocation, id: string, version?: string): Promise<RulesPack> {
  const chosen = (await listInstalledPacks(location))
    .filter((p) => p.id === id && (version ? p.version === version : isRelease(p.version)))
    .at(-1);
  if (!chosen) throw new RulesPackError('not-found', { pack: version ? `${id}@${version}` : id, dir: describeLocation(location) });
  return loadPackFile(chosen);
}

/** Loads one listed pack file and checks it holds what its name says. */
export async function loadPackFile(chosen: InstalledPack): Promise<RulesPack> {
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
export async function loadPinnedPack(location: RulesLocation, pin: PackPin): Promise<RulesPack> {
  const pack = await loadInstalledPack(location, pin.id, pin.version);
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
 * Writes a compiled pack to `<rulesDir>/<id>@<version>.json` through a temp file and a rename: the
 * build's output, replaced on every build. A user's install never replaces a pack (install.ts).
 */
export async function writePackFile(rulesDir: string, pack: RulesPack): Promise<string> {
  await mkdir(rulesDir, { recursive: true });
  const file = join(rulesDir, bundleFileName(pack.id, pack.version));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(pack, null, 2)}\n`, 'utf8');
  await rename(temp, file);
  return file;
}

async function readJson(file: string): Promise<unknown> {
  return parsePackJson(await readFile(file, 'utf8'), file);
}

/** The JSON of a compiled pack file; text that is not JSON is an invalid pack named `file`. */
export function parsePackJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new RulesPackError('invalid', { pack: file }, [{ file, message: `not valid JSON: ${(e as Error).message}` }]);
  }
}

/** An installed pack as a pack picker lists it; a pack that fails to load says why instead. */
export interface PackSummary {
  id: string;
  version: string;
  origin: InstalledPack['origin'];
  file: string;
  contentHash: string | null;
  title: RulesPack['title'] | null;
  example: boolean;
  /** Why the file cannot be used (in the caller's language); null for a sound pack. */
  problem: string | null;
}

/** Every installed pack with its title and hash, each fully validated (once per file: see parseOnce). */
export async function listPackSummaries(location: RulesLocation, locale: Locale): Promise<PackSummary[]> {
  const summaries: PackSummary[] = [];
  for (const listed of await listInstalledPacks(location)) {
    const base = { id: listed.id, version: listed.version, origin: listed.origin, file: listed.file };
    try {
      const pack = await loadPackFile(listed);
      summaries.push({ ...base, contentHash: pack.contentHash, title: pack.title, example: pack.example === true, problem: null });
    } catch (e) {
      if (!(e instanceof RulesPackError)) throw e;
      summaries.push({ ...base, contentHash: null, title: null, example: false, problem: e.describe(locale) });
    }
  }
  return summaries;
}
