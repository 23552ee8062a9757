import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';

/**
 * Where compiled packs are read from: the folder shipped with the program (`dist/rules`) and the
 * data folder's `rules/`, which holds the packs the user installed. On the same id and version
 * the shipped pack wins; nothing is ever written over either.
 */
export interface RulesDirs {
  readonly shipped: string;
  readonly installed?: string;
}

/** One folder (build tools, tests) or the program's pair of folders. */
export type RulesLocation = string | RulesDirs;

/** Which folder a pack was found in. */
export type PackOrigin = 'shipped' | 'installed';

/** One compiled pack file in a rules folder. */
export interface InstalledPack {
  id: string;
  version: string;
  file: string;
  origin: PackOrigin;
}

/** `<id>@<version>.json`; the version may carry a pre-release label (`adsg-2026@1.1.0-example.json`). */
const BUNDLE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.json$/;

/** The folders of a location, the shipped one first. */
export function foldersOf(location: RulesLocation): { dir: string; origin: PackOrigin }[] {
  if (typeof location === 'string') return [{ dir: location, origin: 'shipped' }];
  return [
    { dir: location.shipped, origin: 'shipped' as const },
    ...(location.installed ? [{ dir: location.installed, origin: 'installed' as const }] : []),
  ];
}

/** The folders of a location as one line, for "not found in …" messages. */
export function describeLocation(location: RulesLocation): string {
  return foldersOf(location)
    .map((f) => f.dir)
    .join(', ');
}

/** The file name of a compiled pack: several packs and versions sit side by side in one folder. */
export function bundleFileName(id: string, version: string): string {
  return `${id}@${version}.json`;
}

/** Orders versions by semantic-versioning precedence (1.10.0 after 1.9.0; 1.1.0-example before 1.1.0). */
export function compareVersions(a: string, b: string): number {
  return semver.compare(a, b);
}

/** True for a version without a pre-release label: the only kind chosen when no version is named. */
export function isRelease(version: string): boolean {
  return semver.prerelease(version) === null;
}

/**
 * The compiled packs of a location, sorted by id then version (oldest first). A pack present in
 * both folders is listed once, from the shipped folder. A missing folder holds none.
 */
export async function listInstalledPacks(location: RulesLocation): Promise<InstalledPack[]> {
  const found = new Map<string, InstalledPack>();
  for (const { dir, origin } of foldersOf(location)) {
    for (const name of await namesIn(dir)) {
      const match = BUNDLE_NAME.exec(name);
      if (!match?.[1] || !match[2] || !semver.valid(match[2])) continue;
      const key = `${match[1]}@${match[2]}`;
      if (!found.has(key)) found.set(key, { id: match[1], version: match[2], file: join(dir, name), origin });
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
