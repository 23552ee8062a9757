import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('adsg projects', () => {
  test('create then list and show, as JSON', () => {
    const dataDir = tempDir();
    const created = runCli(['--data-dir', dataDir, '--json', 'projects', 'create', '--name', 'Plant A', '--organization', 'Example Motors', '--credit-code', '91350100M000100Y43', '--role', 'dealer', '--ciio', '--site', 'Jiading', '--auditor', 'Li Wei', '--reviewer', 'Chen Jing']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout) as { id: string; name: string; role: string; ciio: boolean };
    expect(project).toMatchObject({ name: 'Plant A', role: 'dealer', ciio: true });

    const list = runCli(['--data-dir', dataDir, '--json', 'projects', 'list']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: project.id, name: 'Plant A' }]);

    const show = runCli(['--data-dir', dataDir, 'projects', 'show', project.id]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Example Motors');
  });

  test('bad input exits 2 with a message naming the field, and creates nothing', () => {
    const dataDir = tempDir();
    const base = ['--data-dir', dataDir, 'projects', 'create', '--name', 'P', '--organization', 'O'];
    const badCode = runCli([...base, '--credit-code', '91350100M000100Y44']);
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain('Unified social credit code (creditCode): has a wrong check character');
    const badRole = runCli([...base, '--credit-code', '91350100M000100Y43', '--role', 'pirate']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('role');
    const zh = runCli([...base, '--credit-code', '123'], { env: { ADSG_LANG: 'zh-CN' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('统一社会信用代码 (creditCode)：应为 18 位字符');
    const missing = runCli(['--data-dir', dataDir, 'projects', 'create', '--name', 'P']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--organization');
    expect(JSON.parse(runCli(['--data-dir', dataDir, '--json', 'projects', 'list']).stdout)).toEqual([]);
  });

  test('an unknown project id exits 2', () => {
    const r = runCli(['--data-dir', tempDir(), 'projects', 'show', '3b241101-e2bb-4255-8caf-4136c566a962']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Not found');
  });

  test('--help works and lists the commands', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('projects');
  });
});
