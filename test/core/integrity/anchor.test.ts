import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { saveChecklistAnswer } from '../../../electron/core/answers/service';
import { appendTrail, chainHead } from '../../../electron/core/audit-trail/trail';
import { openCore } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { AnchorKeeper } from '../../../electron/core/integrity/anchor';
import { reanchorDataFolder } from '../../../electron/core/integrity/doctor';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { describeProblem } from '../../../electron/core/integrity/problems';
import { createProject } from '../../../electron/core/projects/service';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { tempCore, tempDir } from '../../helpers/temp';
import { acceptedDemo, dropTrailTriggers, problemCodes, tamper } from './support';

const MS05 = 'adsg-2026:ms-05';
const anchorFile = (dataDir: string) => join(dataDir, 'workbench.anchor.json');
const anchored = (dataDir: string) => (JSON.parse(readFileSync(anchorFile(dataDir), 'utf8')) as { chains: { chain: string; rows: number; head: string }[] }).chains;
/** The anchored end of one chain. */
const anchoredOf = (dataDir: string, chain: string) => anchored(dataDir).find((c) => c.chain === chain);
const PROJECT = { name: 'Anchor', organization: 'Org', creditCode: '91350100M000100Y43', role: 'vehicle-manufacturer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: '', reviewer: '' } as const;
const answer = (n: number) => ({ itemId: MS05, result: 'partially-conforming' as const, notes: `edit ${n}`, justification: '' });

describe('the anchor beside the database', () => {
  test('a new data folder is anchored at first open, silently; close anchors every chain appended to', () => {
    const core = tempCore();
    expect(existsSync(anchorFile(core.dataDir))).toBe(true);
    expect(core.anchors.notice).toBeNull();
    const project = createProject(core, PROJECT);
    for (let n = 0; n < 5; n++) saveChecklistAnswer(core, { projectId: project.id, ...answer(n) });
    core.close();
    const head = (() => {
      const db = new Database(join(core.dataDir, 'workbench.sqlite'), { readonly: true });
      const h = chainHead(db, project.id);
      db.close();
      return h;
    })();
    // The project's chain, and the machine-wide one whose first row records that the anchor was established.
    expect(anchored(core.dataDir)).toEqual([expect.objectContaining({ chain: '', rows: 1 }), expect.objectContaining({ chain: project.id, rows: head!.rows, head: head!.head })]);
  });

  test('an autosave never writes the anchor; a pause in editing does, and a stream of edits does at the latest after the maximum delay', async () => {
    const core = tempCore();
    const project = createProject(core, PROJECT);
    core.close();
    const before = readFileSync(anchorFile(core.dataDir));
    const { db } = openDatabase(join(core.dataDir, 'workbench.sqlite'));
    const keeper = new AnchorKeeper(db, { file: anchorFile(core.dataDir), keyDir: process.env.ADSG_KEY_DIR!, now: () => new Date(), idleMs: 40, maxDelayMs: 150 });
    const append = () => appendTrail(db, { projectId: project.id, entity: 'note', entityId: 'n', action: 'add', actor: 'a', after: { at: Date.now() } });
    for (let n = 0; n < 20; n++) append();
    // The hot path only marked the chain: nothing was written.
    expect(readFileSync(anchorFile(core.dataDir)).equals(before)).toBe(true);
    await sleep(200);
    expect(anchoredOf(core.dataDir, project.id)!.rows).toBe(chainHead(db, project.id)!.rows);
    // Edits every 10 ms never leave a 40 ms pause: the 150 ms ceiling anchors them anyway.
    const start = Date.now();
    let seen = false;
    while (Date.now() - start < 600 && !seen) {
      append();
      await sleep(10);
      seen = anchoredOf(core.dataDir, project.id)!.rows > 21;
    }
    expect(seen).toBe(true);
    keeper.close();
    db.close();
  });

  test('two connections anchoring the same chain never move it backwards', () => {
    const core = tempCore();
    const project = createProject(core, PROJECT);
    core.close();
    const file = join(core.dataDir, 'workbench.sqlite');
    const [a, b] = [openDatabase(file).db, openDatabase(file).db];
    const options = { file: anchorFile(core.dataDir), keyDir: process.env.ADSG_KEY_DIR!, now: () => new Date() };
    const [keeperA, keeperB] = [new AnchorKeeper(a, options), new AnchorKeeper(b, options)];
    const append = (db: Database.Database) => appendTrail(db, { projectId: project.id, entity: 'note', entityId: 'n', action: 'add', actor: 'a' });
    for (let n = 0; n < 5; n++) append(a);
    for (let n = 0; n < 3; n++) append(b);
    expect(keeperB.anchorNow()).toBe(true);
    expect(anchoredOf(core.dataDir, project.id)!.rows).toBe(9);
    // A's pending chain is older news: anchoring it must not take the anchor back.
    expect(keeperA.anchorNow([project.id])).toBe(true);
    expect(anchoredOf(core.dataDir, project.id)!.rows).toBe(9);
    keeperA.close();
    keeperB.close();
    a.close();
    b.close();
  });

  test('two processes editing one project at once: every check along the way passes, and the anchor ends at the chain’s end', async () => {
    const dataDir = tempDir();
    const setup = tempCore({ dataDir });
    const projectId = createProject(setup, PROJECT).id;
    setup.close();
    // Inside the repository so the bundle resolves better-sqlite3 from node_modules.
    const script = join(process.cwd(), 'test-output', `anchor-writer-${process.pid}.cjs`);
    await build({ entryPoints: ['test/fixtures/anchor-writer.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: script, external: ['better-sqlite3', 'exceljs'], define: { 'import.meta.dirname': '__dirname' }, logLevel: 'silent' });
    const run = (tag: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [script, dataDir, projectId, tag, '150'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
      });
    const watcher = tempCore({ dataDir });
    const writers = Promise.all([run('a'), run('b')]);
    let finished = false;
    void writers.finally(() => (finished = true));
    let checks = 0;
    while (!finished) {
      // A reader between the two writers' anchors must never see a false truncation.
      expect(checkChainIntegrity(watcher, projectId).problems.map((p) => describeProblem(p, 'en'))).toEqual([]);
      checks++;
      await sleep(20);
    }
    expect(await writers).toEqual(['done 150\n', 'done 150\n']);
    const final = checkChainIntegrity(watcher, projectId);
    expect(final).toMatchObject({ ok: true });
    expect(final.anchoredRows).toBe(final.rows);
    expect(checks).toBeGreaterThan(0);
    watcher.close();
    rmSync(script, { force: true });
  }, 60_000);

  test('a restored older database is detected, and so is one edited on after the restore', async () => {
    const { core, projectId } = await acceptedDemo();
    core.close();
    const db = join(core.dataDir, 'workbench.sqlite');
    const backup = join(tempDir(), 'backup.sqlite');
    copyFileSync(db, backup);
    const later = tempCore({ dataDir: core.dataDir });
    saveChecklistAnswer(later, { projectId, ...answer(1) });
    later.close();
    const restore = () => {
      copyFileSync(backup, db);
      for (const side of ['-wal', '-shm']) rmSync(`${db}${side}`, { force: true });
    };
    restore();
    const restored = tempCore({ dataDir: core.dataDir });
    expect(problemCodes(restored, projectId)).toEqual(['anchor-truncated']);
    restored.close();
    restore();
    const continued = tempCore({ dataDir: core.dataDir });
    for (let n = 0; n < 3; n++) saveChecklistAnswer(continued, { projectId, ...answer(10 + n) });
    continued.anchors.anchorNow();
    expect(problemCodes(continued, projectId)).toEqual(['anchor-rewritten']);
    continued.close();
  });

  test('a deleted anchor file is reported, and never silently made again', async () => {
    const { core, projectId } = await acceptedDemo();
    core.close();
    rmSync(anchorFile(core.dataDir));
    const reopened = tempCore({ dataDir: core.dataDir });
    expect(reopened.anchors.notice).toBeNull();
    expect(problemCodes(reopened, projectId)).toEqual(['anchor-missing']);
    saveChecklistAnswer(reopened, { projectId, ...answer(1) });
    reopened.close();
    expect(existsSync(anchorFile(core.dataDir))).toBe(false);
    const again = tempCore({ dataDir: core.dataDir });
    expect(checkChainIntegrity(again, projectId).problems.map((p) => describeProblem(p, 'zh-CN'))).toEqual([
      '锚点文件 workbench.anchor.json 不见了，而此数据文件夹曾经建立过锚点：它被删除了，无法确认审计日志的末尾没有被截断或改写。',
    ]);
    again.close();
  });

  test('an edited, damaged or foreign anchor file is reported and left as it is', async () => {
    const { core, projectId } = await acceptedDemo();
    core.close();
    const file = anchorFile(core.dataDir);
    const genuine = readFileSync(file, 'utf8');
    const check = (content: string) => {
      writeFileSync(file, content);
      const c = tempCore({ dataDir: core.dataDir });
      saveChecklistAnswer(c, { projectId, ...answer(Math.random()) });
      const codes = problemCodes(c, projectId);
      c.close();
      expect(readFileSync(file, 'utf8'), 'a file that cannot be trusted is evidence: never overwritten').toBe(content);
      return codes;
    };
    // Lowering the anchored row count (to hide a truncation) breaks the MAC.
    const lowered = JSON.parse(genuine) as { chains: { chain: string; rows: number }[] };
    lowered.chains.find((c) => c.chain === projectId)!.rows -= 2;
    expect(check(JSON.stringify(lowered))).toEqual(['anchor-forged']);
    expect(check('{"format":')).toEqual(['anchor-unreadable']);
    const other = tempCore();
    other.close();
    expect(check(readFileSync(anchorFile(other.dataDir), 'utf8'))).toEqual(['anchor-other-folder']);
  });

  test('a missing or replaced key is reported; doctor --re-anchor re-establishes the anchor and the trail says so', async () => {
    const keyDir = tempDir('adsg-keys-');
    const { core, projectId } = await acceptedDemo({ keyDir });
    core.close();
    rmSync(join(keyDir, 'anchor.key'));
    const missing = tempCore({ dataDir: core.dataDir, keyDir });
    expect(checkChainIntegrity(missing, projectId).problems.map((p) => describeProblem(p, 'en'))).toEqual([
      `The anchor key (${keyDir}) is missing, so the anchor cannot be checked. If this data folder came from another computer or account, run adsg doctor --re-anchor once you have satisfied yourself the data is genuine.`,
    ]);
    missing.close();
    writeFileSync(join(keyDir, 'anchor.key'), `${'ab'.repeat(32)}\n`);
    const replaced = tempCore({ dataDir: core.dataDir, keyDir });
    expect(problemCodes(replaced, projectId)).toEqual(['anchor-other-key']);
    expect(describeProblem(reanchorDataFolder(replaced), 'en')).toMatch(/^The anchor was re-established at the current end of 2 audit chain\(s\)\.$/);
    expect(checkChainIntegrity(replaced, projectId)).toMatchObject({ ok: true });
    const marks = replaced.db.prepare("SELECT action, after FROM audit_trail WHERE chain_key = '' AND entity = 'anchor' ORDER BY seq").all() as { action: string; after: string }[];
    expect(marks.map((m) => m.action)).toEqual(['establish', 're-anchor']);
    expect(JSON.parse(marks[1]!.after)).toMatchObject({ problem: 'anchor-other-key', chains: 2 });
    replaced.close();
  });
});

describe('data folders from before anchors existed', () => {
  test('a folder of the previous version is anchored at first open and says "anchor created" once, not "tampered"', async () => {
    const { core, projectId } = await acceptedDemo();
    core.close();
    // What the previous version left: no anchor file, and no trail row establishing one.
    rmSync(anchorFile(core.dataDir));
    tamper(core.dataDir, (db) => {
      dropTrailTriggers(db);
      db.prepare("DELETE FROM audit_trail WHERE chain_key = '' AND entity = 'anchor'").run();
    });
    const first = tempCore({ dataDir: core.dataDir });
    expect(first.anchors.notice && describeProblem(first.anchors.notice, 'en')).toBe(
      'Anchor created: this data folder had none (data from an earlier version); the ends of 1 audit chain(s) are now recorded.',
    );
    expect(first.anchors.notice && describeProblem(first.anchors.notice, 'zh-CN')).toBe('已建立锚点：此数据文件夹此前没有锚点（旧版本的数据），现已记录 1 条审计日志链的末尾。');
    expect(checkChainIntegrity(first, projectId)).toMatchObject({ ok: true });
    first.close();
    const second = tempCore({ dataDir: core.dataDir });
    expect(second.anchors.notice).toBeNull();
    expect(checkChainIntegrity(second, projectId)).toMatchObject({ ok: true });
    second.close();
  });

  test('a project created under schema 1 (no rules-pack pin in its trail) passes after the migrations', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'workbench.sqlite');
    const raw = new Database(file);
    migrate(raw, file, MIGRATIONS.slice(0, 1));
    const at = '2026-03-01T08:00:00.000Z';
    const v1 = { id: '7d3c2a5e-0d1b-4a8e-9f6a-2b1c3d4e5f60', name: 'Legacy', organization: 'Org', creditCode: '91350100M000100Y43', role: 'vehicle-manufacturer', ciio: false, site: '', auditStart: null, auditEnd: null, auditor: '', reviewer: '', status: 'active', createdAt: at, updatedAt: at };
    raw.prepare(`INSERT INTO projects VALUES (@id, @name, @organization, @creditCode, @role, 0, @site, NULL, NULL, @auditor, @reviewer, @status, @createdAt, @updatedAt)`).run(v1);
    appendTrail(raw, { projectId: v1.id, entity: 'project', entityId: v1.id, action: 'create', actor: 'a', before: null, after: v1 }, at);
    raw.close();
    const core = openCore({ dataDir, appVersion: 'test' });
    expect(core.migration).toMatchObject({ from: 1 });
    expect(core.anchors.notice?.code).toBe('anchor-created');
    expect(checkChainIntegrity(core, v1.id)).toMatchObject({ ok: true, problems: [] });
    // Reviewed under the current version, it stays sound.
    saveChecklistAnswer(core, { projectId: v1.id, ...answer(1) });
    submitForReview(core, v1.id);
    acceptRevision(core, v1.id);
    expect(checkChainIntegrity(core, v1.id)).toMatchObject({ ok: true, snapshots: 1 });
    core.close();
  });
});
