import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countItemsByArea } from '../../shared/rules/items';
import { AREA_LABELS } from '../../shared/rules/messages';
import type { RulesPack } from '../../shared/rules/schema';
import { runCli } from '../helpers/cli';
import { RULES_DIR, tempDir } from '../helpers/temp';
import { sourcePack } from '../shared/rules/source-pack';

let pack: RulesPack;
beforeAll(async () => {
  pack = await sourcePack();
});

/** A rules folder holding a copy of the built adsg-2026 bundle, changed by `edit`. */
function rulesDirWith(edit: (json: RulesPack) => unknown): string {
  const dir = tempDir('adsg-rules-cli-');
  const name = `adsg-2026@${pack.version}.json`;
  const built = JSON.parse(readFileSync(join(RULES_DIR, name), 'utf8')) as RulesPack;
  writeFileSync(join(dir, name), JSON.stringify(edit(built)));
  return dir;
}

describe('adsg rules show', () => {
  it('prints the version, the content hash and the item counts per area', () => {
    const r = runCli(['rules', 'show', 'adsg-2026', '--rules-dir', RULES_DIR]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`adsg-2026@${pack.version}`);
    expect(r.stdout).toContain(pack.contentHash);
    expect(r.stdout).toContain('This pack is not the official text');
    for (const { area, active } of countItemsByArea(pack)) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${AREA_LABELS[area].en}\\s+${active}\\n`));
    }
  });

  it('gives the same counts as JSON with --json', () => {
    const r = runCli(['--json', 'rules', 'show', 'adsg-2026', '--rules-dir', RULES_DIR]);
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout) as { version: string; contentHash: string; areas: unknown[]; total: number };
    expect(shown).toMatchObject({ id: 'adsg-2026', version: pack.version, contentHash: pack.contentHash });
    expect(shown.areas).toEqual(countItemsByArea(pack));
    expect(shown.total).toBe(Object.keys(pack.itemHashes).length);
  });

  it('speaks Chinese with --lang zh-CN', () => {
    const r = runCli(['--lang', 'zh-CN', 'rules', 'show', 'adsg-2026', '--rules-dir', RULES_DIR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('各领域条目数');
    expect(r.stdout).toContain('本规则包不是官方文本');
    expect(r.stdout).toMatch(/\n {2}重要数据目录\s+\d+\n/);
  });

  it('finds the installed packs beside the program by default', () => {
    const r = runCli(['--json', 'rules', 'show', 'adsg-2026'], { env: { ADSG_RULES_DIR: undefined } });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { contentHash: string }).contentHash).toBe(pack.contentHash);
  });

  it('takes an explicit version', () => {
    expect(runCli(['rules', 'show', `adsg-2026@${pack.version}`, '--rules-dir', RULES_DIR]).code).toBe(0);
    const missing = runCli(['rules', 'show', 'adsg-2026@9.9.9', '--rules-dir', RULES_DIR]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No installed rules pack adsg-2026@9.9.9');
  });

  it('refuses a bundle edited after it was compiled (exit 1)', () => {
    const dir = rulesDirWith((json) => ({
      ...json,
      thresholds: json.thresholds.map((t) => ({ ...t, value: t.value * 10 })),
    }));
    const r = runCli(['rules', 'show', 'adsg-2026', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not match its content hash');
  });
});

describe('adsg rules list', () => {
  it('lists every installed pack and version', () => {
    const dir = rulesDirWith((json) => json);
    copyFileSync(join(dir, `adsg-2026@${pack.version}.json`), join(dir, 'adsg-2026@0.9.0.json'));
    const r = runCli(['--json', 'rules', 'list', '--rules-dir', dir]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { version: string }[]).map((p) => p.version)).toEqual(['0.9.0', pack.version]);
  });
});
