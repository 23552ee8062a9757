import Database from 'better-sqlite3';
import { appendFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const demo = (dataDir: string) => {
  const r = runCli(['--data-dir', dataDir, '--json', 'demo']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { id: string; name: string };
};

describe('adsg demo, evidence and trail', () => {
  test('demo creates "Example Motors" with evidence and an intact trail', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    expect(project.name).toBe('Example Motors');
    const evidence = runCli(['--data-dir', dataDir, '--json', 'evidence', 'verify', project.id]);
    expect(evidence.code).toBe(0);
    expect(JSON.parse(evidence.stdout)).toMatchObject({ ok: true, checked: 5, problems: [] });
    const trail = runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]);
    expect(trail.code).toBe(0);
    expect(trail.stdout).toMatch(/^ok: \d+ row\(s\), head [0-9a-f]{64}/);
  });

  test('evidence add links files; verify names each modified or missing file and exits 1', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    const dir = tempDir();
    writeFileSync(join(dir, 'firewall-export.txt'), 'deny all\n');
    const add = runCli(['--data-dir', dataDir, '--json', 'evidence', 'add', project.id, join(dir, 'firewall-export.txt'), '--item', 'adsg-2026:tp-09']);
    expect(add.code).toBe(0);
    const [added] = JSON.parse(add.stdout) as { sha256: string; itemIds: string[] }[];
    expect(added!.itemIds).toEqual(['adsg-2026:tp-09']);

    const store = join(dataDir, 'evidence');
    appendFileSync(join(store, added!.sha256.slice(0, 2), added!.sha256), 'allow 0.0.0.0/0\n');
    const csv = readdirSync(store).flatMap((p) => readdirSync(join(store, p)).map((f) => join(store, p, f)))
      .find((f) => !f.endsWith(added!.sha256));
    rmSync(csv!);
    const verify = runCli(['--data-dir', dataDir, 'evidence', 'verify', project.id]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('modified: firewall-export.txt');
    expect(verify.stdout).toMatch(/missing: \S+/);
  });

  test('a trail row edited behind the app’s back is named and exits 1', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    const db = new Database(join(dataDir, 'workbench.sqlite'));
    db.exec('DROP TRIGGER audit_trail_no_update');
    const row = db.prepare("SELECT seq FROM audit_trail WHERE chain_key = ? AND entity = 'answer' ORDER BY seq LIMIT 1 OFFSET 3").get(project.id) as { seq: number };
    db.prepare("UPDATE audit_trail SET after = replace(after, 'conforming', 'nonconforming') WHERE seq = ?").run(row.seq);
    db.close();
    const r = runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`broken at row ${row.seq} (hash)`);
    expect(r.stderr).toContain(`audit trail broken at row ${row.seq}`);
    const json = runCli(['--data-dir', dataDir, '--json', 'trail', 'verify', project.id]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBroken: { seq: row.seq, reason: 'hash' } });
  });

  test('bad project ids exit 2', () => {
    expect(runCli(['--data-dir', tempDir(), 'trail', 'verify', 'nope']).code).toBe(2);
    expect(runCli(['--data-dir', tempDir(), 'trail', 'verify', '3b241101-e2bb-4255-8caf-4136c566a962']).code).toBe(2);
  });
});
