import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson } from '../../../shared/canonical-json';
import { GENESIS_HASH, trailHash } from '../../../electron/core/audit-trail/hash';
import type { Core } from '../../../electron/core/core';
import { createDemoProject } from '../../../electron/core/demo/example-motors';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { describeProblem } from '../../../electron/core/integrity/problems';
import { setWorkersDir } from '../../../electron/core/jobs/workers-dir';
import { acceptRevision, submitForReview } from '../../../electron/core/review/service';
import { tempCore } from '../../helpers/temp';

/** The sample project "Example Motors", submitted and accepted (revision 1 locked), in a fresh data folder. */
export async function acceptedDemo(options: { keyDir?: string } = {}): Promise<{ core: Core; projectId: string }> {
  setWorkersDir(join(process.cwd(), 'dist', 'workers'));
  const core = tempCore(options);
  const project = await createDemoProject(core);
  submitForReview(core, project.id);
  acceptRevision(core, project.id, '同意');
  return { core, projectId: project.id };
}

/** Edits the closed data folder's database as an attacker with the file in hand would: better-sqlite3, no app code. */
export function tamper(dataDir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, 'workbench.sqlite'));
  try {
    edit(db);
  } finally {
    db.close();
  }
}

/** The attacker's first step: the audit trail's append-only triggers are only triggers. */
export const dropTrailTriggers = (db: Database.Database) => db.exec('DROP TRIGGER IF EXISTS audit_trail_no_update; DROP TRIGGER IF EXISTS audit_trail_no_delete;');

/** Recomputes every hash of a chain from its first row, as someone forging a consistent history would. */
export function rehashChain(db: Database.Database, chainKey: string): void {
  type Row = { seq: number; entity: string; entity_id: string; action: string; actor: string; at: string; before: string | null; after: string | null };
  let prev = GENESIS_HASH;
  const rows = db.prepare('SELECT seq, entity, entity_id, action, actor, at, before, after FROM audit_trail WHERE chain_key = ? ORDER BY seq').all(chainKey) as Row[];
  // Temporary hashes first: the column is UNIQUE, and a new hash may equal an old one further on only by design of a test.
  db.prepare("UPDATE audit_trail SET hash = 'tmp-' || seq WHERE chain_key = ?").run(chainKey);
  const update = db.prepare('UPDATE audit_trail SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const hash = trailHash(prev, { chainKey, entity: r.entity, entityId: r.entity_id, action: r.action, actor: r.actor, at: r.at, before: r.before, after: r.after });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Rewrites revision 1's stored snapshot through `edit` and stores the matching hash beside it. */
export function editSnapshot(db: Database.Database, projectId: string, edit: (ws: { answers: { itemId: string; result: string }[] }) => void): string {
  const { snapshot } = db.prepare('SELECT snapshot FROM revisions WHERE project_id = ? AND number = 1').get(projectId) as { snapshot: string };
  const ws = JSON.parse(snapshot) as { answers: { itemId: string; result: string }[] };
  edit(ws);
  const forged = canonicalJson(ws);
  db.prepare('UPDATE revisions SET snapshot = ?, snapshot_hash = ? WHERE project_id = ? AND number = 1').run(forged, sha256(forged), projectId);
  return sha256(forged);
}

/** The codes of what the integrity check of a chain finds. */
export const problemCodes = (core: Core, chain: string) => checkChainIntegrity(core, chain).problems.map((p) => p.code);

/** What the integrity check of a chain finds, as messages in one language. */
export const problemMessages = (core: Core, chain: string, locale: 'en' | 'zh-CN' = 'en') => checkChainIntegrity(core, chain).problems.map((p) => describeProblem(p, locale));
