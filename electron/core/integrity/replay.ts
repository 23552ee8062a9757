import { GENESIS_HASH } from '../audit-trail/hash';
import { applyIds } from '../bundles/copy-ids';
import { COPY_ACTION, COPY_ENTITY, CopyGenesis } from '../bundles/provenance';
import { DEFAULT_PACK_ID } from '../projects/service';
import { RECONFIRM_ACTION } from '../upgrade/marks';
import { problemOf, type IntegrityProblem } from './problems';
import { cloneState, emptyState, stateOfWorkspace, workspaceOfState, type ProjectState, type RawRecord } from './state';

/** What the replay reads of a chain row (a stored row, a bundle's, or one embedded in a copy's genesis). */
export interface ReplayRow {
  entity: string;
  entityId: string;
  action: string;
  after: string | null;
  prevHash: string;
  hash: string;
  /** The row's number in its table, for messages (absent for rows held in memory). */
  seq?: number;
}

/** What the trail says a revision was accepted as: the snapshot hash of its accept row, and the state just before it. */
export interface AcceptRecord {
  revision: number;
  snapshotHash: string | null;
  /** The accept row's own hash: the revision's recorded trail head. */
  hash: string;
  state: ProjectState;
}

/** Entities whose rows carry the whole record (`after`, or null when it was deleted). */
const WHOLE_RECORDS = { flow: 'flows', question: 'questions', answer: 'answers', finding: 'findings', determination: 'overrides' } as const;

/**
 * Rows that annotate a record beside its value (a rules-pack upgrade, upgrade/apply.ts): the key
 * named here is the annotation, kept in the trail only; the rest is the record as stored.
 */
const ANNOTATIONS: Readonly<Record<string, string>> = {
  'project:upgrade-pack': 'upgrade',
  [`answer:${RECONFIRM_ACTION}`]: 'reconfirm',
  [`question:${RECONFIRM_ACTION}`]: 'reconfirm',
  'answer:archive': 'archived',
  'question:archive': 'archived',
};

const isRecord = (v: unknown): v is RawRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The record a row's `after` says is stored, its annotation (if the action has one) taken off. */
function recordOf(row: ReplayRow, after: unknown): unknown {
  const annotation = ANNOTATIONS[`${row.entity}:${row.action}`];
  if (annotation === undefined || !isRecord(after)) return after;
  const { [annotation]: _annotation, ...record } = after;
  return record;
}

/**
 * Rebuilds a project's state from its audit chain, row by row: the latest `after` of every
 * entity, deletes respected (a deleted project takes everything with it, a deleted flow its
 * questionnaire answers, as the database's cascades do), evidence links applied one by one. A copy's
 * chain starts from the original history its genesis embeds, under the copy's ids. Rows are
 * assumed to come from a chain whose hashes were verified; a row whose data cannot be read is a problem.
 */
export class TrailReplay {
  state: ProjectState = emptyState();
  readonly accepts = new Map<number, AcceptRecord>();
  readonly problems: IntegrityProblem[] = [];
  private index = 0;

  apply(row: ReplayRow): void {
    const first = this.index++ === 0;
    let after: unknown;
    try {
      after = recordOf(row, row.after === null ? null : JSON.parse(row.after));
    } catch {
      return this.unreadable(row);
    }
    if (first && row.entity === COPY_ENTITY && row.action === COPY_ACTION && row.prevHash === GENESIS_HASH) return this.startCopy(row, after);
    if (row.entity === 'project') return this.applyProject(row, after);
    if (row.entity === 'evidence') return this.applyEvidence(row, after);
    if (row.entity === 'review' && row.action === 'accepted') return this.applyAccept(row, after);
    if (Object.hasOwn(WHOLE_RECORDS, row.entity)) {
      const records = this.state[WHOLE_RECORDS[row.entity as keyof typeof WHOLE_RECORDS]];
      if (after === null) records.delete(row.entityId);
      else if (isRecord(after)) records.set(row.entityId, after);
      else return this.unreadable(row);
      if (row.entity === 'flow' && after === null) {
        for (const key of [...this.state.questions.keys()]) if (key.startsWith(`${row.entityId}/`)) this.state.questions.delete(key);
      }
    }
    // Review steps other than accept, dossiers, bundles: no stored state of their own.
  }

  private applyProject(row: ReplayRow, after: unknown): void {
    if (after === null) {
      this.state = emptyState();
      return;
    }
    if (!isRecord(after)) return this.unreadable(row);
    // Rows written before projects were pinned to a rules pack (schema 1) lack the pin; migration 2 set this default.
    this.state.project = Object.hasOwn(after, 'rulesPack') ? after : { ...after, rulesPack: { id: DEFAULT_PACK_ID, version: null, contentHash: null } };
  }

  private applyEvidence(row: ReplayRow, after: unknown): void {
    const records = this.state.evidence;
    const current = records.get(row.entityId);
    if (row.action === 'delete' && after === null) {
      records.delete(row.entityId);
      return;
    }
    if (!isRecord(after)) return this.unreadable(row);
    if (row.action === 'add') records.set(row.entityId, { ...after, itemIds: [] });
    else if (!current) return this.unreadable(row);
    else if (row.action === 'update' && typeof after.description === 'string') current.description = after.description;
    else if ((row.action === 'link' || row.action === 'unlink') && typeof after.itemId === 'string') {
      const items = new Set(current.itemIds as string[]);
      if (row.action === 'link') items.add(after.itemId);
      else items.delete(after.itemId);
      current.itemIds = [...items];
    } else return this.unreadable(row);
  }

  private applyAccept(row: ReplayRow, after: unknown): void {
    const revision = Number(row.entityId);
    if (!Number.isSafeInteger(revision) || !isRecord(after)) return this.unreadable(row);
    const snapshotHash = typeof after.snapshotHash === 'string' ? after.snapshotHash : null;
    this.accepts.set(revision, { revision, snapshotHash, hash: row.hash, state: cloneState(this.state) });
  }

  /** A copy begins where its original ended, under the copy's ids; the original's accepts stay as they were. */
  private startCopy(row: ReplayRow, after: unknown): void {
    const genesis = CopyGenesis.safeParse(after);
    if (!genesis.success) return this.unreadable(row);
    const original = new TrailReplay();
    for (const r of genesis.data.originalTrail) original.apply(r);
    this.problems.push(...original.problems);
    for (const [n, a] of original.accepts) this.accepts.set(n, a);
    if (!original.state.project) return this.unreadable(row);
    try {
      this.state = stateOfWorkspace(applyIds(workspaceOfState(original.state), genesis.data.ids));
    } catch {
      // Records too malformed to carry ids (only a hand-made history has those).
      this.unreadable(row);
    }
  }

  private unreadable(row: ReplayRow): void {
    this.problems.push(problemOf('trail-unreadable', { seq: row.seq ?? '?' }));
  }
}
