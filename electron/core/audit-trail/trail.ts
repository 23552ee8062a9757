import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/canonical-json';
import type { TrailEntry, TrailVerification } from '../../../shared/domain/trail';
import { prepared } from '../db/prepared';
import { GENESIS_HASH, trailHash, type HashedFields } from './hash';

export interface TrailEvent {
  /** The project the change belongs to; null for machine-wide events (settings). */
  projectId: string | null;
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  before?: unknown;
  after?: unknown;
}

interface TrailRow {
  seq: number;
  chain_key: string;
  entity: string;
  entity_id: string;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** A chain row as stored: `before` and `after` are the exact canonical JSON text the hash covers. */
export interface StoredTrailRow {
  seq: number;
  entity: string;
  entityId: string;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

const encode = (v: unknown) => (v === undefined ? null : canonicalJson(v));

/** Who hears of every row appended to a database's chains (the anchor keeper: see integrity/anchor.ts). */
const appendWatchers = new WeakMap<Database, (chainKey: string) => void>();

/** Registers the one watcher told the chain key of every row appended to `db` (inside its transaction). */
export function watchAppends(db: Database, watcher: (chainKey: string) => void): void {
  appendWatchers.set(db, watcher);
}

/** Tells the watcher that rows were added to a chain other than through appendTrail (bundle import). */
export function noteAppended(db: Database, chainKey: string): void {
  appendWatchers.get(db)?.(chainKey);
}

/**
 * Appends one event to its project's chain. Call inside the transaction that makes the change,
 * so the change and its record commit together or not at all.
 */
export function appendTrail(db: Database, event: TrailEvent, at: string = new Date().toISOString()): string {
  const chainKey = event.projectId ?? '';
  const prevHash = lastHash(db, chainKey) ?? GENESIS_HASH;
  const fields: HashedFields = {
    chainKey,
    entity: event.entity,
    entityId: event.entityId,
    action: event.action,
    actor: event.actor,
    at,
    before: encode(event.before),
    after: encode(event.after),
  };
  const hash = trailHash(prevHash, fields);
  prepared(
    db,
    `INSERT INTO audit_trail (chain_key, entity, entity_id, action, actor, at, before, after, prev_hash, hash)
     VALUES (@chainKey, @entity, @entityId, @action, @actor, @at, @before, @after, @prevHash, @hash)`,
  ).run({ ...fields, prevHash, hash });
  noteAppended(db, chainKey);
  return hash;
}

const toEntry = (r: TrailRow): TrailEntry => ({
  seq: r.seq,
  projectId: r.chain_key === '' ? null : r.chain_key,
  entity: r.entity,
  entityId: r.entity_id,
  action: r.action,
  actor: r.actor,
  at: r.at,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  hash: r.hash,
});

/** A project's history, newest first; narrowed to one entity (an item, a flow) when given. */
export function listTrail(db: Database, projectId: string, entityId?: string): TrailEntry[] {
  const rows = (
    entityId === undefined
      ? prepared(db, 'SELECT * FROM audit_trail WHERE chain_key = ? ORDER BY seq DESC').all(projectId)
      : prepared(db, 'SELECT * FROM audit_trail WHERE chain_key = ? AND entity_id = ? ORDER BY seq DESC').all(
          projectId,
          entityId,
        )
  ) as TrailRow[];
  return rows.map(toEntry);
}

const lastHash = (db: Database, chainKey: string) =>
  (prepared(db, 'SELECT hash FROM audit_trail WHERE chain_key = ? ORDER BY seq DESC LIMIT 1').get(chainKey) as { hash: string } | undefined)?.hash;

/** The hash of the newest row of a chain (printed in dossiers and bundle manifests). */
export function trailHead(db: Database, projectId: string): string | null {
  return lastHash(db, projectId) ?? null;
}

/** How many rows a chain has and the hash of its newest; undefined for a chain with no row. */
export function chainHead(db: Database, chainKey: string): { rows: number; head: string } | undefined {
  const head = lastHash(db, chainKey);
  if (head === undefined) return undefined;
  const { rows } = prepared(db, 'SELECT count(*) AS rows FROM audit_trail WHERE chain_key = ?').get(chainKey) as { rows: number };
  return { rows, head };
}

/** The hash of a chain's n-th row (1-based, in chain order); undefined when the chain is shorter. */
export function hashAtRow(db: Database, chainKey: string, n: number): string | undefined {
  if (n < 1) return undefined;
  const row = prepared(db, 'SELECT hash FROM audit_trail WHERE chain_key = ? ORDER BY seq LIMIT 1 OFFSET ?').get(chainKey, n - 1) as { hash: string } | undefined;
  return row?.hash;
}

/** Every chain key with rows ('' is the machine-wide chain). */
export function chainKeys(db: Database): string[] {
  return (prepared(db, 'SELECT DISTINCT chain_key FROM audit_trail ORDER BY chain_key').all() as { chain_key: string }[]).map((r) => r.chain_key);
}

/**
 * Walks a chain from its first row, recomputing every hash, and shows each intact row to `visit`
 * in order. Stops at the first row whose stored hash does not match its content ('hash') or whose
 * prev_hash is not the previous row's hash ('link'), and names it.
 */
export function walkTrail(db: Database, chainKey: string, visit?: (row: StoredTrailRow) => void): TrailVerification {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of prepared(db, 'SELECT * FROM audit_trail WHERE chain_key = ? ORDER BY seq').iterate(
    chainKey,
  ) as IterableIterator<TrailRow>) {
    rows++;
    if (r.prev_hash !== prev) return { ok: false, rows, head: null, firstBroken: { seq: r.seq, reason: 'link' } };
    const expected = trailHash(prev, {
      chainKey: r.chain_key,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      actor: r.actor,
      at: r.at,
      before: r.before,
      after: r.after,
    });
    if (expected !== r.hash) return { ok: false, rows, head: null, firstBroken: { seq: r.seq, reason: 'hash' } };
    visit?.({ seq: r.seq, entity: r.entity, entityId: r.entity_id, action: r.action, actor: r.actor, at: r.at, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash });
    prev = r.hash;
  }
  return { ok: true, rows, head: rows ? prev : null, firstBroken: null };
}

/** Walks a chain recomputing every hash (see {@link walkTrail}); the stored state is not compared here. */
export function verifyTrail(db: Database, projectId: string): TrailVerification {
  return walkTrail(db, projectId);
}
