import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ProjectFields } from '../../shared/domain/project';
import { createProject } from '../../electron/core/projects/service';
import { createIdentity } from '../../electron/core/signing';
import { signPdf } from '../../electron/core/signing/sign-pdf';
import { runCli, type CliRun } from '../helpers/cli';
import { tempCore, tempDir } from '../helpers/temp';
import { makeDossierPdf, makeSigner } from '../core/signing/support';
import { readParts, rebuilt, writeZip } from '../fixtures/bundles/hostile';
import { canonicalJson } from '../../shared/canonical-json';

const ESC = '\x1b';
/** Everything a hostile name may try on a terminal: a forged row, colour, a hyperlink, a cursor move, reordering. */
const HOSTILE = [
  'Quiet Motors',
  `\n${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}  Forged Project  Forged Org`,
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}]8;;https://evil.example/${ESC}\\click here${ESC}]8;;${ESC}\\`,
  `${ESC}]0;window title\x07`,
  `${ESC}[2J${ESC}[H`,
  '\u202egnp.exe',
  '\u2066isolate\u2069',
  '\r\u009b31m\u007f\u2028end',
].join(' ');

/** Any byte a terminal would act on, other than the line feeds that separate output lines. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function expectNothingRaw(r: CliRun, what: string): void {
  expect(r.stdout, `${what}: stdout`).not.toMatch(RAW_CONTROL);
  expect(r.stderr, `${what}: stderr`).not.toMatch(RAW_CONTROL);
}

const fields = (name: string): ProjectFields => ({
  name,
  organization: `Org ${name}`,
  creditCode: '91350100M000100Y43',
  role: 'dealer',
  ciio: false,
  site: name,
  auditStart: null,
  auditEnd: null,
  auditor: name,
  reviewer: name,
});

let dataDir: string;
let files: string;
/** Made as an older version would have: through core, with its trail, but no input rule. */
let oldProject: string;
/** Edited straight in SQLite, as an attacker holding the file would. */
let editedProject: string;
let plainProject: string;
let hostilePdf: string;
let hostileCert: string;

beforeAll(async () => {
  dataDir = tempDir();
  files = tempDir();
  const core = tempCore({ dataDir });
  try {
    plainProject = createProject(core, fields('Plain project')).id;
    oldProject = createProject(core, fields(HOSTILE)).id;
    editedProject = createProject(core, fields('Soon edited')).id;
    await createIdentity(core.paths.identities, { name: `Li${ESC}[5m Wei\u202e`, organisation: `Audit\nCo`, passphrase: 'long enough passphrase', keyBits: 2048 });
  } finally {
    core.close();
  }
  const db = new Database(join(dataDir, 'workbench.sqlite'));
  db.prepare('UPDATE projects SET name = ?, organization = ?, site = ? WHERE id = ?').run(HOSTILE, HOSTILE, HOSTILE, editedProject);
  // An evidence row whose stored name holds escapes, and whose file is gone: `evidence verify` names it.
  db.prepare(
    `INSERT INTO evidence (id, project_id, sha256, file_name, size, media_type, description, captured_by, captured_at)
     VALUES (?, ?, ?, ?, 1, 'text/plain', ?, ?, '2026-01-01T00:00:00.000Z')`,
  ).run(randomUUID(), editedProject, 'e'.repeat(64), `${HOSTILE}.txt`, HOSTILE, HOSTILE);
  db.close();

  // A dossier-like PDF signed by a foreign certificate whose subject holds escapes.
  const signer = makeSigner(`Chen${ESC}[32m Jing\n\u202eOK`, `Org${ESC}]8;;https://evil.example/${ESC}\\`, 2048);
  hostilePdf = join(files, 'dossier.pdf');
  writeFileSync(hostilePdf, await signPdf(await makeDossierPdf(), { signer, signingTime: new Date('2026-11-23T09:00:00Z') }));
  hostileCert = join(files, 'foreign.der');
  writeFileSync(hostileCert, signer.certificate);
}, 120_000);

const adsg = (...args: string[]) => runCli(['--data-dir', dataDir, ...args]);

describe('nothing a name holds reaches the terminal raw', () => {
  test('projects list: exactly one row per project, each starting with its id', () => {
    const r = adsg('projects', 'list');
    expect(r.code).toBe(0);
    expectNothingRaw(r, 'projects list');
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.slice(0, 36)).sort()).toEqual([plainProject, oldProject, editedProject].sort());
    expect(rows.find((row) => row.startsWith(editedProject))).toContain('\\n00000000-0000-4000-8000-000000000000  Forged Project');
    expect(rows.find((row) => row.startsWith(oldProject))).toContain('\\x1b[31mred\\x1b[0m');
    expect(rows.find((row) => row.startsWith(oldProject))).toContain('\\u202egnp.exe');
  });

  test('projects list --json: the stored text, escaped as JSON, and parsed back exactly', () => {
    const r = adsg('--json', 'projects', 'list');
    expect(r.code).toBe(0);
    expectNothingRaw(r, 'projects list --json');
    const list = JSON.parse(r.stdout) as { id: string; name: string }[];
    expect(list.find((p) => p.id === editedProject)?.name).toBe(HOSTILE);
    expect(list.find((p) => p.id === oldProject)?.name).toBe(HOSTILE);
  });

  test.each([
    ['projects show (old data)', () => ['projects', 'show', oldProject]],
    ['projects show (edited in SQLite)', () => ['projects', 'show', editedProject]],
    ['evidence verify', () => ['evidence', 'verify', editedProject]],
    ['review submit', () => ['review', 'submit', oldProject]],
    ['trail verify', () => ['trail', 'verify', oldProject]],
    ['identity list', () => ['identity', 'list']],
    ['verify (a signer whose certificate holds escapes)', () => ['verify', hostilePdf]],
    ['verify --json', () => ['--json', 'verify', hostilePdf]],
    ['trust import (a foreign certificate)', () => ['trust', 'import', hostileCert]],
    ['trust list', () => ['trust', 'list']],
    ['an error naming a file', () => ['evidence', 'add', oldProject, join(files, `missing${ESC}[2J\u202e.txt`)]],
  ])('%s', (what, args) => {
    const r = adsg(...args());
    expect(r.code, `${what}: ${r.stderr}`).not.toBe(3);
    expect(r.stdout + r.stderr).not.toBe('');
    expectNothingRaw(r, what);
  });

  test('the escapes are visible where the names are shown', () => {
    expect(adsg('evidence', 'verify', editedProject).stdout).toContain('missing: Quiet Motors \\n0000');
    expect(adsg('identity', 'list').stdout).toContain('Li\\x1b[5m Wei\\u202e  Audit\\nCo');
    const verify = adsg('verify', hostilePdf);
    expect(verify.stdout).toContain('Signer: Chen\\x1b[32m Jing\\n\\u202eOK · Org\\x1b]8;;https://evil.example/\\x1b\\');
    expect(adsg('evidence', 'add', oldProject, join(files, `missing${ESC}[2J.txt`)).stderr).toContain('missing\\x1b[2J.txt');
  });

  test('evidence add: a file name with escapes is recorded and printed as plain text', () => {
    const name = `scan${ESC}[31m\u202eFDP.exe\n.txt`;
    writeFileSync(join(files, name), 'scan');
    const r = adsg('--json', 'evidence', 'add', plainProject, join(files, name));
    expect(r.code, r.stderr).toBe(0);
    expectNothingRaw(r, 'evidence add');
    expect(JSON.parse(r.stdout)).toMatchObject([{ fileName: 'scan\\x1b[31m\\u202eFDP.exe\\n.txt' }]);
  });

  test('evidence add: a symbolic link to the live database is refused (exit 2)', () => {
    const link = join(files, 'report.pdf');
    symlinkSync(join(dataDir, 'workbench.sqlite'), link);
    const r = adsg('evidence', 'add', plainProject, link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is inside the workbench’s own data folder');
  });

  test('input: a name with an escape sequence is refused naming the field, in either language, and nothing is created', () => {
    const base = ['projects', 'create', '--organization', 'O', '--credit-code', '91350100M000100Y43'];
    const en = adsg(...base, '--name', `A${ESC}[2JB`);
    expect(en.code).toBe(2);
    expectNothingRaw(en, 'projects create');
    expect(en.stderr).toContain('Project name (name): contains a control character');
    const zh = adsg('--lang', 'zh-CN', ...base, '--name', 'A\nB');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('项目名称 (name)：只能是一行，不能包含换行符');
    const comment = adsg('review', 'return', plainProject, '--comment', 'see\u202e');
    expect(comment.code).toBe(2);
    expect(comment.stderr).toContain('contains a text-direction control');
    expect(adsg('projects', 'list').stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  test('a bundle carrying a name with escapes is refused on import, and the message is plain text', async () => {
    const clean = join(files, 'clean.adsg');
    const exported = adsg('bundle', 'export', plainProject, '--out', clean);
    expect(exported.code, exported.stderr).toBe(0);
    // The same bundle with the name rewritten, the manifest rebuilt to match: consistent, canonical, hostile.
    const parts = await readParts(clean);
    const projectJson = parts.entries.find((e) => e.name === 'project.json')!;
    const project = JSON.parse(projectJson.data.toString('utf8')) as { workspace: { project: { name: string } } };
    project.workspace.project.name = HOSTILE;
    projectJson.data = Buffer.from(canonicalJson(project));
    const hostile = await writeZip(join(files, 'hostile.adsg'), rebuilt(parts, (m) => void (m.project.name = HOSTILE)));

    const target = tempDir();
    const r = runCli(['--data-dir', target, 'bundle', 'import', hostile]);
    expect(r.code).toBe(2);
    expectNothingRaw(r, 'bundle import');
    expect(r.stderr).toContain('workspace.project.name');
    expect(JSON.parse(runCli(['--data-dir', target, '--json', 'projects', 'list']).stdout)).toEqual([]);
  });
});
