import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { treeDigest } from '../fixtures/bundles/sample';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** The sample, accepted, with a signed dossier, exported as a signed bundle that carries the dossier. */
const dir = tempDir();
const source = join(dir, 'source');
const pass = join(dir, 'pass.txt');
const dossier = join(dir, 'dossier.pdf');
const bundle = join(dir, 'example-motors.adsg');
const cert = join(dir, 'auditor.pem');
let projectId = '';
let head = '';

const cli = (dataDir: string, args: string[]) => {
  const r = runCli(['--data-dir', dataDir, ...args]);
  if (r.code !== 0) throw new Error(`adsg ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r.stdout;
};
const json = <T>(dataDir: string, args: string[]) => JSON.parse(cli(dataDir, ['--json', ...args])) as T;

/** Rows of a table for one project, without the columns a copy changes. */
function rows(dataDir: string, sql: string, id: string): unknown[] {
  const db = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(id);
  } finally {
    db.close();
  }
}
const answers = (dataDir: string, id: string) => rows(dataDir, 'SELECT item_id, result, notes, justification, updated_at, actor FROM answers WHERE project_id = ? ORDER BY item_id', id);
const evidence = (dataDir: string, id: string) => rows(dataDir, 'SELECT sha256, size, file_name FROM evidence WHERE project_id = ? ORDER BY sha256', id);

beforeAll(() => {
  writeFileSync(pass, '审核 passphrase 2026\n');
  projectId = json<{ id: string }>(source, ['demo']).id;
  cli(source, ['review', 'submit', projectId]);
  cli(source, ['review', 'accept', projectId, '--comment', '同意']);
  const auditor = json<{ id: string }>(source, ['identity', 'create', '--name', '李伟 Li Wei', '--organization', 'Example Audit', '--passphrase-file', pass]);
  cli(source, ['identity', 'export', auditor.id, '--out', cert]);
  cli(source, ['dossier', projectId, '--out', dossier, '--identity', auditor.id, '--passphrase-file', pass, '--lang', 'en']);
  const exported = json<{ sha256: string; signed: boolean; evidence: number }>(source, ['bundle', 'export', projectId, '--out', bundle, '--identity', auditor.id, '--passphrase-file', pass, '--dossier', dossier]);
  expect(exported).toMatchObject({ signed: true, evidence: 5 });
  head = (cli(source, ['trail', 'verify', projectId]).match(/head ([0-9a-f]{64})/) ?? [])[1]!;
}, 120_000);

describe('adsg bundle export / import', () => {
  test('into an empty data folder: the same answers, evidence hashes and trail head; exit 0 and the project id', () => {
    const target = join(tempDir(), 'data');
    const r = runCli(['--data-dir', target, 'bundle', 'import', bundle]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split(/\s/)[0]).toBe(projectId);
    expect(r.stdout).toContain(`head ${head}`);
    expect(r.stdout).toContain('manifest signed by 李伟 Li Wei');
    expect(answers(target, projectId)).toEqual(answers(source, projectId));
    expect(evidence(target, projectId)).toEqual(evidence(source, projectId));
    expect(cli(target, ['trail', 'verify', projectId])).toContain(`head ${head}`);
    expect(json<{ ok: boolean; checked: number }>(target, ['evidence', 'verify', projectId])).toMatchObject({ ok: true, checked: 5 });
  });

  test('as a copy: a new id, the same answers and evidence, the original head recorded, and the dossier still verifies', () => {
    const target = join(tempDir(), 'data');
    const out = tempDir();
    const copy = json<{ projectId: string; originalTrailHead: string; dossiers: string[] }>(target, ['bundle', 'import', bundle, '--as-copy', '--dossier-dir', out]);
    expect(copy.projectId).not.toBe(projectId);
    expect(copy.originalTrailHead).toBe(head);
    expect(answers(target, copy.projectId)).toEqual(answers(source, projectId));
    expect(evidence(target, copy.projectId)).toEqual(evidence(source, projectId));
    expect(cli(target, ['trail', 'verify', copy.projectId])).toMatch(/^ok: 1 row\(s\)/);
    const [genesis] = rows(target, "SELECT action, after FROM audit_trail WHERE chain_key = ? ORDER BY seq", copy.projectId) as { action: string; after: string }[];
    expect(genesis!.action).toBe('import-copy');
    expect(JSON.parse(genesis!.after)).toMatchObject({ originalProjectId: projectId, originalTrailHead: head });

    expect(copy.dossiers).toHaveLength(1);
    expect(readFileSync(copy.dossiers[0]!).equals(readFileSync(dossier))).toBe(true);
    const verify = runCli(['--data-dir', target, '--json', 'verify', copy.dossiers[0]!, '--trust', cert]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, assessment: { matches: true, projectId } });
  });

  test('a second import of the same project is refused (exit 2) and names --as-copy, in either language', () => {
    const again = runCli(['--data-dir', source, 'bundle', 'import', bundle]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('import it as a copy');
    const zh = runCli(['--data-dir', source, '--lang', 'zh-CN', 'bundle', 'import', bundle]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('作为副本导入');
  });

  test('a tampered bundle exits 1 with its reason and leaves the data folder byte-identical', () => {
    const target = join(tempDir(), 'data');
    cli(target, ['projects', 'list']);
    const bytes = readFileSync(bundle);
    const [first] = evidence(source, projectId) as { sha256: string }[];
    const at = bytes.indexOf(readFileSync(join(source, 'evidence', first!.sha256.slice(0, 2), first!.sha256)));
    bytes[at + 1]! ^= 0xff;
    const tampered = join(tempDir(), 'tampered.adsg');
    writeFileSync(tampered, bytes);
    const before = treeDigest(target);
    const r = runCli(['--data-dir', target, 'bundle', 'import', tampered]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not match the manifest|signature of the bundle manifest is not valid/);
    expect(r.stdout).toBe('');
    expect(treeDigest(target)).toEqual(before);
  });

  test('bad arguments exit 2 naming the problem', () => {
    const data = join(tempDir(), 'data');
    expect(runCli(['--data-dir', data, 'bundle', 'export', 'not-a-uuid', '--out', join(dir, 'x.adsg')]).code).toBe(2);
    const halfSigned = runCli(['--data-dir', source, 'bundle', 'export', projectId, '--out', join(dir, 'x.adsg'), '--identity', 'a'.repeat(64)]);
    expect(halfSigned.code).toBe(2);
    expect(halfSigned.stderr).toContain('passphraseFile');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n');
    for (const file of [empty, join(dir, 'no-such-passphrase.txt')]) {
      const r = runCli(['--data-dir', source, 'bundle', 'export', projectId, '--out', join(dir, 'x.adsg'), '--identity', 'a'.repeat(64), '--passphrase-file', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain('--passphrase-file');
    }
    const missing = runCli(['--data-dir', data, 'bundle', 'import', join(dir, 'missing.adsg')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.adsg');
    const notBundle = runCli(['--data-dir', data, 'bundle', 'import', pass]);
    expect(notBundle.code).toBe(2);
    expect(notBundle.stderr).toContain('not an ADSG project bundle');
  });
});
