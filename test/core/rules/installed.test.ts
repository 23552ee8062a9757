import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildRulePacks } from '../../../electron/core/rules/build';
import { RulesPackError } from '../../../electron/core/rules/errors';
import { sealPack } from '../../../electron/core/rules/hash';
import {
  compareVersions,
  listInstalledPacks,
  loadInstalledPack,
  loadPinnedPack,
  writePackFile,
} from '../../../electron/core/rules/installed';
import type { RulesPack } from '../../../shared/rules/schema';
import { REPO_ROOT } from '../../shared/rules/source-pack';

let rulesDir: string;
let built: RulesPack;
let example: string;

beforeEach(async () => {
  rulesDir = await mkdtemp(join(tmpdir(), 'adsg-installed-'));
  const results = await buildRulePacks(join(REPO_ROOT, 'rules'), rulesDir);
  const result = results.find((r) => !r.version.includes('-'));
  if (!result) throw new Error('nothing built');
  built = JSON.parse(await readFile(result.file, 'utf8')) as RulesPack;
  example = results.find((r) => r.version.includes('-'))?.version ?? '';
});

/** The built pack under another version, resealed: a second pack sitting beside the first. */
function asVersion(pack: RulesPack, version: string, edit: (p: RulesPack) => RulesPack = (p) => p): RulesPack {
  const { itemHashes: _i, contentHash: _c, ...content } = edit({ ...pack, version });
  return sealPack(content);
}

async function refusal(promise: Promise<unknown>): Promise<RulesPackError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RulesPackError)) throw new Error(`expected a RulesPackError, got ${String(error)}`);
  return error;
}

describe('compiled rules packs', () => {
  it('build to <id>@<version>.json and load back, validated (the sample example version too)', async () => {
    expect(example).toBe('1.1.0-example');
    expect(await listInstalledPacks(rulesDir)).toEqual([
      { id: 'adsg-2026', version: built.version, file: join(rulesDir, `adsg-2026@${built.version}.json`), origin: 'shipped' },
      { id: 'adsg-2026', version: example, file: join(rulesDir, `adsg-2026@${example}.json`), origin: 'shipped' },
    ]);
    const loaded = await loadInstalledPack(rulesDir, 'adsg-2026');
    expect(loaded.contentHash).toBe(built.contentHash);
    const sample = await loadInstalledPack(rulesDir, 'adsg-2026', example);
    expect(sample.example).toBe(true);
    expect(sample.title.en).toContain('not an official update');
  });

  it('sit side by side; the newest release is the default, a pre-release only when named', async () => {
    await writePackFile(rulesDir, asVersion(built, '1.10.0'));
    await writePackFile(rulesDir, asVersion(built, '1.9.0'));
    await writePackFile(rulesDir, asVersion(built, '2.0.0-draft.1'));
    expect((await listInstalledPacks(rulesDir)).map((p) => p.version)).toEqual([built.version, example, '1.9.0', '1.10.0', '2.0.0-draft.1']);
    expect((await loadInstalledPack(rulesDir, 'adsg-2026')).version).toBe('1.10.0');
    expect((await loadInstalledPack(rulesDir, 'adsg-2026', built.version)).version).toBe(built.version);
    expect((await loadInstalledPack(rulesDir, 'adsg-2026', '2.0.0-draft.1')).version).toBe('2.0.0-draft.1');
  });

  it('are read from the shipped folder and the data folder; the shipped one wins on the same id and version', async () => {
    const installed = await mkdtemp(join(tmpdir(), 'adsg-installed-user-'));
    await writePackFile(installed, asVersion(built, '3.0.0'));
    // The same id and version with other content in the data folder is shadowed, never used.
    await writePackFile(installed, asVersion(built, built.version, (p) => ({ ...p, title: { ...p.title, en: 'Shadowed' } })));
    const location = { shipped: rulesDir, installed };
    const listed = await listInstalledPacks(location);
    expect(listed.map((p) => `${p.version}:${p.origin}`)).toEqual([`${built.version}:shipped`, `${example}:shipped`, '3.0.0:installed']);
    expect((await loadInstalledPack(location, 'adsg-2026', built.version)).title.en).toBe(built.title.en);
    expect((await loadInstalledPack(location, 'adsg-2026')).version).toBe('3.0.0');
  });

  it('load the pinned version when the hash matches', async () => {
    const pin = { id: built.id, version: built.version, contentHash: built.contentHash };
    expect((await loadPinnedPack(rulesDir, pin)).contentHash).toBe(built.contentHash);
  });

  it('refuse a pinned pack whose installed content differs', async () => {
    const pin = { id: built.id, version: built.version, contentHash: 'f'.repeat(64) };
    const error = await refusal(loadPinnedPack(rulesDir, pin));
    expect(error.code).toBe('hash-mismatch');
    expect(error.describe('en')).toContain(`adsg-2026@${built.version}`);
    expect(error.describe('zh-CN')).toContain('拒绝');
  });

  it('refuse a bundle edited after it was compiled', async () => {
    const file = join(rulesDir, `adsg-2026@${built.version}.json`);
    await writeFile(file, JSON.stringify({ ...built, title: { ...built.title, en: 'Edited' } }));
    expect((await refusal(loadInstalledPack(rulesDir, 'adsg-2026'))).code).toBe('tampered');
  });

  it('refuse a bundle that breaks the schema, naming the field', async () => {
    const file = join(rulesDir, `adsg-2026@${built.version}.json`);
    await writeFile(
      file,
      JSON.stringify({ ...built, exemptions: built.exemptions.map((e, i) => (i === 0 ? { ...e, extra: 1 } : e)) }),
    );
    const error = await refusal(loadInstalledPack(rulesDir, 'adsg-2026'));
    expect(error.code).toBe('invalid');
    expect(error.describe('en')).toContain('adsg-2026:ex-transit: exemptions[0].extra: unknown field "extra"');
  });

  it('refuse a bundle that is not JSON', async () => {
    await writeFile(join(rulesDir, `adsg-2026@${built.version}.json`), '{ "id": ');
    const error = await refusal(loadInstalledPack(rulesDir, 'adsg-2026'));
    expect(error.code).toBe('invalid');
    expect(error.describe('en')).toContain('not valid JSON');
  });

  it('report a missing pack clearly', async () => {
    const error = await refusal(loadInstalledPack(join(rulesDir, 'nowhere'), 'adsg-2026'));
    expect(error.code).toBe('not-found');
    expect(error.describe('en')).toContain('No installed rules pack adsg-2026');
  });

  it('order versions numerically, a pre-release before its release', () => {
    expect(['1.10.0', '1.2.0', '1.9.3', '1.2.0-example'].sort(compareVersions)).toEqual(['1.2.0-example', '1.2.0', '1.9.3', '1.10.0']);
  });
});
