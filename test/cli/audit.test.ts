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
    const zh = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'trail', 'verify', project.id]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^完好：\d+ 条审计日志，链头 [0-9a-f]{64}；锚点确认至第 \d+ 条；数据库中的数据与日志一致；已核对 0 个已通过快照。\n$/);
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
    expect(r.stdout).toBe(`The audit trail is broken at row ${row.seq} (its content was altered).\n`);
    expect(r.stderr).toBe(`Project ${project.id} has 1 integrity problem(s).\n`);
    const zh = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'trail', 'verify', project.id]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe(`审计日志在第 ${row.seq} 条处断链（内容被改动）。\n`);
    const json = runCli(['--data-dir', dataDir, '--json', 'trail', 'verify', project.id]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBroken: { seq: row.seq }, problems: [{ code: 'trail-broken', params: { seq: row.seq } }] });
  });

  test('an answer edited in the database is named by entity, id and field, in either language, and exits 1', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    const db = new Database(join(dataDir, 'workbench.sqlite'));
    db.prepare("UPDATE answers SET result = 'conforming' WHERE project_id = ? AND item_id = 'adsg-2026:tp-06'").run(project.id);
    db.close();
    const en = runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('Checklist answer adsg-2026:tp-06: field result is "conforming" in the database but "nonconforming" in the audit trail.\n');
    const zh = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'trail', 'verify', project.id]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('检查项结论 adsg-2026:tp-06 的字段 result 与审计日志不符：数据库中为 "conforming"，日志记录为 "nonconforming"。\n');
    expect(zh.stderr).toBe(`项目 ${project.id} 有 1 个完整性问题。\n`);
  });

  test('the last rows cut off the trail are caught by the anchor; a deleted anchor file is reported', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    expect(runCli(['--data-dir', dataDir, 'review', 'submit', project.id]).code).toBe(0);
    const db = new Database(join(dataDir, 'workbench.sqlite'));
    db.exec('DROP TRIGGER audit_trail_no_delete');
    db.prepare('DELETE FROM audit_trail WHERE seq = (SELECT max(seq) FROM audit_trail WHERE chain_key = ?)').run(project.id);
    db.prepare("UPDATE revisions SET state = 'draft', submitted_by = NULL, submitted_at = NULL WHERE project_id = ?").run(project.id);
    db.close();
    const cut = runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/^The audit trail has (\d+) row\(s\), but the anchor recorded \d+ on \S+: rows were removed from its end, or an older database was restored\.\n$/);
    rmSync(join(dataDir, 'workbench.anchor.json'));
    const gone = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'trail', 'verify', project.id]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('锚点文件 workbench.anchor.json 不见了');
  });

  test('a data folder from before anchors says "anchor created" once, on whichever command opens it first', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    rmSync(join(dataDir, 'workbench.anchor.json'));
    const db = new Database(join(dataDir, 'workbench.sqlite'));
    db.exec('DROP TRIGGER audit_trail_no_delete');
    db.prepare("DELETE FROM audit_trail WHERE chain_key = '' AND entity = 'anchor'").run();
    db.close();
    const first = runCli(['--data-dir', dataDir, 'projects', 'list']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('Anchor created: this data folder had none (data from an earlier version); the ends of 1 audit chain(s) are now recorded.\n');
    const second = runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/^ok: \d+ row\(s\), head [0-9a-f]{64}; anchored up to row \d+; stored data matches the trail; 0 accepted snapshot\(s\) checked\.\n$/);
  });

  test('bad project ids exit 2', () => {
    expect(runCli(['--data-dir', tempDir(), 'trail', 'verify', 'nope']).code).toBe(2);
    expect(runCli(['--data-dir', tempDir(), 'trail', 'verify', '3b241101-e2bb-4255-8caf-4136c566a962']).code).toBe(2);
  });
});

describe('adsg doctor', () => {
  test('a sound data folder: exit 0, every part named as sound, in either language', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    expect(runCli(['--data-dir', dataDir, 'review', 'submit', project.id]).code).toBe(0);
    expect(runCli(['--data-dir', dataDir, 'review', 'accept', project.id]).code).toBe(0);
    const en = runCli(['--data-dir', dataDir, 'doctor']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('');
    expect(en.stdout.split('\n')).toEqual([
      'Database: sound (integrity_check and foreign keys pass).',
      'Anchor: sound, 2 chain(s) recorded.',
      '-  machine-wide chain  ok',
      `${project.id}  Example Motors  ok`,
      'All is well: 2 chain(s) checked.',
      '',
    ]);
    const zh = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'doctor']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('数据库：完好');
    expect(zh.stdout).toContain(`${project.id}  Example Motors  完好`);
    const json = runCli(['--data-dir', dataDir, '--json', 'doctor']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, database: [], anchor: { chains: 2, problems: [] } });
  });

  test('foreign keys, the anchor, SQLite page damage and a project\u2019s state: each named, exit 1', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    const db = new Database(join(dataDir, 'workbench.sqlite'));
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO evidence_links (evidence_id, item_id) VALUES ('no-such-evidence', 'adsg-2026:tp-01')").run();
    db.prepare("UPDATE findings SET status = 'closed' WHERE project_id = ? AND number = 1").run(project.id);
    db.close();
    const r = runCli(['--data-dir', dataDir, 'doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Row \d+ of table evidence_links points at a record of evidence that does not exist\.$/m);
    expect(r.stdout).toContain(`${project.id}  Example Motors  1 problem(s)`);
    expect(r.stdout).toMatch(/ {2}- Finding \S+: field status is "closed" in the database but "open" in the audit trail\./);
    expect(r.stderr).toBe('2 problem(s) found (2 chain(s) checked).\n');
    rmSync(join(dataDir, 'workbench.anchor.json'));
    const zh = runCli(['--data-dir', dataDir, '--lang', 'zh-CN', 'doctor']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('锚点文件 workbench.anchor.json 不见了');
    expect(zh.stderr).toBe('发现 3 个问题（已检查 2 条日志链）。\n');
    // An index whose entries no longer match its definition: what integrity_check exists to find.
    const raw = new Database(join(dataDir, 'workbench.sqlite'));
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_master SET sql = 'CREATE INDEX evidence_links_item ON evidence_links (evidence_id)' WHERE name = 'evidence_links_item'").run();
    raw.close();
    const damaged = runCli(['--data-dir', dataDir, '--json', 'doctor']);
    expect(damaged.code).toBe(1);
    const report = JSON.parse(damaged.stdout) as { ok: boolean; database: { code: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.database.map((p) => p.code)).toContain('db-integrity');
    expect(report.database.find((p) => p.code === 'db-integrity')!.message).toMatch(/^SQLite integrity_check reports: .*evidence_links_item/);
  });

  test('--re-anchor re-establishes a lost anchor, and the machine-wide trail records it', () => {
    const dataDir = tempDir();
    const project = demo(dataDir);
    rmSync(join(dataDir, 'workbench.anchor.json'));
    expect(runCli(['--data-dir', dataDir, 'doctor']).code).toBe(1);
    const fixed = runCli(['--data-dir', dataDir, 'doctor', '--re-anchor']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout.split('\n')[0]).toBe('The anchor was re-established at the current end of 2 audit chain(s).');
    expect(runCli(['--data-dir', dataDir, 'trail', 'verify', project.id]).code).toBe(0);
    const db = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true });
    expect(db.prepare("SELECT action FROM audit_trail WHERE chain_key = '' AND entity = 'anchor' ORDER BY seq").all()).toEqual([{ action: 'establish' }, { action: 're-anchor' }]);
    db.close();
  });
});
