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

const encode = (v: unknown) => (v === undefined ? null : canonicalJson(v));

/**
 * Appends one event to its project's chain. Call inside the transaction that makes the change,
 * so the change and its record commit together or not at all.
 */
export function appendTrail(db: Database, event: TrailEvent, at: string = new Date().toISOString()): string {
  const chainKey = event.projectId ?? '';
  const last = prepared(db, 'SELECT hash FROM audit_trail WHERE chain_key = ? ORDER BY seq DESC LIMIT 1').get(
    chainKey,
  ) as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
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

/** The hash of the newest row of a chain (printed in dossiers and bundle manifests). */
export function trailHead(db: Database, projectId: string): string | null {
  const row = prepared(db, 'SELECT hash FROM audit_trail WHERE chain_key = ? ORDER BY seq DESC LIMIT 1').get(
    projectId,
  ) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/**
 * Walks a chain from its first row, recomputing every hash. Names the first row whose stored
 * hash does not match its content ('hash') or whose prev_hash is not the previous row's hash ('link').
 */
export function verifyTrail(db: Database, projectId: string): TrailVerification {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of prepared(db, 'SELECT * FROM audit_trail WHERE chain_key = ? ORDER BY seq').iterate(
    projectId,
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
    prev = r.hash;
  }
  return { ok: true, rows, head: rows ? prev : null, firstBroken: null };
}
