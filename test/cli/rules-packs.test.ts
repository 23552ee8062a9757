import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealPack } from '../../electron/core/rules/hash';
import type { PackDiff } from '../../shared/rules/diff';
import type { RulesPack } from '../../shared/rules/schema';
import type { UpgradePlan } from '../../shared/rules/upgrade';
import { runCli } from '../helpers/cli';
import { RULES_DIR, tempCore, tempDir } from '../helpers/temp';
import { auditedProject, EXAMPLE } from '../core/upgrade/fixture';

const zh = { env: { ADSG_LANG: 'zh-CN' } };

/** A compiled pack file for `version`, made from the shipped one (as a publisher would ship it). */
function packFile(dir: string, version: string): string {
  const shipped = JSON.parse(readFileSync(join(RULES_DIR, 'adsg-2026@1.0.0.json'), 'utf8')) as RulesPack;
  const { itemHashes: _h, contentHash: _c, ...content } = shipped;
  const file = join(dir, `adsg-2026@${version}.json`);
  writeFileSync(file, `${JSON.stringify(sealPack({ ...content, version }), null, 2)}\n`);
  return file;
}

describe('adsg rules diff', () => {
  it('prints the changes that can move a determination first, in English and Chinese (exit 0)', () => {
    const en = runCli(['rules', 'diff', 'adsg-2026@1.0.0', EXAMPLE, '--rules-dir', RULES_DIR]);
    expect(en.stderr).toBe('');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('adsg-2026@1.0.0 → adsg-2026@1.1.0-example (EXAMPLE, not an official update)');
    const determining = en.stdout.indexOf('Changes that can move a determination:');
    const byArea = en.stdout.indexOf('By area:');
    expect(determining).toBeGreaterThan(0);
    expect(byArea).toBeGreaterThan(determining);
    expect(en.stdout.slice(determining, byArea).split('\n')[1]).toContain('~ adsg-2026:threshold-pi-contract-floor');
    expect(en.stdout).toContain('value: 100,000 → 200,000');
    expect(en.stdout).toContain('network {+and export +}logs at least [-6-]{+12+} months');
    expect(en.stdout).toMatch(/- adsg-2026:ms-10 .*\[withdrawn\]/);
    expect(en.stdout).toMatch(/\+ adsg-2026:log-07 /);

    const cn = runCli(['rules', 'diff', 'adsg-2026@1.0.0', EXAMPLE, '--rules-dir', RULES_DIR], zh);
    expect(cn.code).toBe(0);
    expect(cn.stdout).toContain('可能改变判定结论的变化：');
    expect(cn.stdout).toContain('数值：100,000 → 200,000');
    expect(cn.stdout).toContain('(示例版本，非官方更新)');
    expect(cn.stdout).toContain('日志管理：新增 1 · 修改 1');
  });

  it('gives the whole diff as JSON, both languages included', () => {
    const r = runCli(['--json', 'rules', 'diff', 'adsg-2026@1.0.0', EXAMPLE, '--rules-dir', RULES_DIR]);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout) as PackDiff;
    expect(diff.determining[0]!.id).toBe('adsg-2026:threshold-pi-contract-floor');
    const log = diff.areas.find((a) => a.area === 'log-management')!.changed[0]!;
    expect(Object.keys(log.fields[0]!.text!)).toEqual(['zh-CN', 'en']);
  });

  it('refuses a pack that is not installed as bad input (exit 2), in both languages', () => {
    const en = runCli(['rules', 'diff', 'adsg-2026@1.0.0', 'adsg-2026@9.9.9', '--rules-dir', RULES_DIR]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('No installed rules pack adsg-2026@9.9.9');
    const cn = runCli(['rules', 'diff', 'adsg-2026@1.0.0', 'adsg-2026@9.9.9', '--rules-dir', RULES_DIR], zh);
    expect(cn.code).toBe(2);
    expect(cn.stderr).toContain('未找到已安装的规则包 adsg-2026@9.9.9');
  });
});

describe('adsg rules sign and install', () => {
  const dir = tempDir('adsg-cli-packs-');
  const data = join(dir, 'data');
  const pass = join(dir, 'pass.txt');
  const cli = (args: string[], options?: { env?: NodeJS.ProcessEnv }) => runCli(['--data-dir', data, ...args], options);
  let publisher = '';

  beforeAll(() => {
    writeFileSync(pass, 'publisher passphrase\n');
    const created = cli(['--json', 'identity', 'create', '--name', 'Rules Publisher', '--organization', 'Example Rules Office', '--passphrase-file', pass]);
    expect(created.code).toBe(0);
    publisher = (JSON.parse(created.stdout) as { id: string }).id;
  });

  it('refuses an unsigned pack (exit 1) unless --allow-unsigned, which the machine trail records', () => {
    const file = packFile(dir, '1.2.0-draft');
    const en = cli(['rules', 'install', file]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('is not signed');
    const cn = cli(['rules', 'install', file], zh);
    expect(cn.code).toBe(1);
    expect(cn.stderr).toContain('没有签名');

    const ok = cli(['rules', 'install', file, '--allow-unsigned']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Installed adsg-2026@1.2.0-draft');
    expect(ok.stdout).toContain('Not signed (--allow-unsigned)');
    const listed = cli(['rules', 'list']);
    expect(listed.stdout).toMatch(/adsg-2026@1\.2\.0-draft {2}installed {2}/);
    expect(listed.stdout).toMatch(/adsg-2026@1\.0\.0 {2}shipped {2}/);
  });

  it('refuses a pack signed by a publisher this machine does not trust (exit 1), then installs it once trusted', () => {
    const file = packFile(dir, '1.3.0');
    const signed = cli(['rules', 'sign', file, '--identity', publisher, '--passphrase-file', pass]);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`${file}.p7s`);
    const untrusted = cli(['rules', 'install', file], zh);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('由 Rules Publisher, Example Rules Office');
    expect(untrusted.stderr).toContain('不在本机信任库中');

    const cert = join(dir, 'publisher.pem');
    expect(cli(['identity', 'export', publisher, '--out', cert]).code).toBe(0);
    expect(cli(['trust', 'import', cert]).code).toBe(0);
    const installed = cli(['rules', 'install', file]);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('Signed by Rules Publisher');
    // Installing it again is fine and changes nothing.
    expect(cli(['rules', 'install', file]).stdout).toContain('already installed with the same content');
  });

  it('refuses a pack changed after signing (exit 1) and a missing file (exit 2)', () => {
    const file = packFile(dir, '1.4.0');
    expect(cli(['rules', 'sign', file, '--identity', publisher, '--passphrase-file', pass]).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"value": 1000000', '"value": 1000001'));
    const tampered = cli(['rules', 'install', file]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('The signature does not match the rules pack');
    expect(cli(['rules', 'list']).stdout).not.toContain('1.4.0');
    expect(cli(['rules', 'install', join(dir, 'nowhere.json')]).code).toBe(2);
  });
});

describe('adsg projects upgrade-pack', () => {
  const data = tempDir('adsg-cli-upgrade-');
  let projectId = '';
  beforeAll(async () => {
    const core = tempCore({ dataDir: data });
    projectId = (await auditedProject(core)).projectId;
    core.close();
  });
  const cli = (args: string[], options?: { env?: NodeJS.ProcessEnv }) => runCli(['--data-dir', data, ...args], options);

  it('prints the summary with --dry-run and changes nothing (exit 0), in both languages', () => {
    const en = cli(['projects', 'upgrade-pack', projectId, '--to', EXAMPLE, '--dry-run']);
    expect(en.stderr).toBe('');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Checklist answers: carried as they are 2 · to re-confirm 1 · archived 1 · new, unanswered 1');
    expect(en.stdout).toContain('Telematics: standard contract or certification → exempt');
    expect(en.stdout).toContain('(dry run: nothing was changed)');
    const cn = cli(['projects', 'upgrade-pack', projectId, '--to', EXAMPLE, '--dry-run'], zh);
    expect(cn.code).toBe(0);
    expect(cn.stdout).toContain('检查清单答案：照旧保留 2 · 需重新确认 1 · 归档 1 · 新增未作答 1');
    expect(cn.stdout).toContain('Telematics：订立标准合同或通过个人信息出境认证 → 豁免');
    const json = JSON.parse(cli(['--json', 'projects', 'upgrade-pack', projectId, '--to', EXAMPLE, '--dry-run']).stdout) as UpgradePlan;
    expect(json.answers.reconfirm[0]!.itemId).toBe('adsg-2026:log-05');
    expect((JSON.parse(cli(['--json', 'projects', 'show', projectId]).stdout) as { rulesPack: { version: string } }).rulesPack.version).toBe('1.0.0');
  });

  it('refuses another pack as bad input (exit 2) and an upgrade under review (exit 1)', () => {
    const other = cli(['projects', 'upgrade-pack', projectId, '--to', 'other-pack@1.0.0']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('it can move only to another version of the same pack');
    expect(cli(['review', 'submit', projectId]).code).toBe(0);
    const review = cli(['projects', 'upgrade-pack', projectId, '--to', EXAMPLE], zh);
    expect(review.code).toBe(1);
    expect(review.stderr).toContain('正在复核中，不能修改');
    expect(cli(['review', 'return', projectId, '--comment', 'upgrade the pack first']).code).toBe(0);
  });

  it('upgrades, prints the new pin and revision (exit 0); the same version again is bad input (exit 2)', () => {
    const r = cli(['projects', 'upgrade-pack', projectId, '--to', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The project now uses adsg-2026@1.1.0-example (revision 1).');
    expect(r.stdout).not.toContain('dry run');
    const again = cli(['projects', 'upgrade-pack', projectId, '--to', EXAMPLE], zh);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('项目已在使用 adsg-2026@1.1.0-example');
  });
});
