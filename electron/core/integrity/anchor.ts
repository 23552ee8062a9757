import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { appendTrail, chainHead, chainKeys, hashAtRow, watchAppends } from '../audit-trail/trail';
import { prepared } from '../db/prepared';
import { getSettings } from '../settings/service';
import {
  isAuthentic,
  readAnchorFile,
  writeAnchorFile,
  type AnchorBody,
  type AnchorFile,
  type ChainAnchor,
} from './anchor-file';
import { DamagedKeyError, ensureAnchorKey, readAnchorKey, type AnchorKey } from './key';
import { problemOf, type IntegrityProblem } from './problems';
import { writeTransaction } from '../db/transaction';

/**
 * The machine-wide trail records every establishing of the anchor (entity and id 'anchor', the
 * data folder's id in `after`): hash-chained like any change, and the mark that this folder HAS
 * an anchor, so a deleted anchor file is told apart from a folder that never had one.
 */
const MARKER = 'anchor';

export interface AnchorOptions {
  /** The anchor file beside the database. */
  file: string;
  /** The folder holding this account's anchor key (outside the data folder: see key.ts). */
  keyDir: string;
  now: () => Date;
  /** Anchor this long after the last append (a pause in typing)… */
  idleMs?: number;
  /** …but never later than this after the first append not yet anchored. */
  maxDelayMs?: number;
}

/** The anchor as a whole: sound (with every chain's anchored end) or the one problem that stops it being trusted. */
export type AnchorStatus =
  { ok: true; chains: ReadonlyMap<string, ChainAnchor> } | { ok: false; problem: IntegrityProblem };

/** Outcome of one attempt to move the anchor forward. */
type Advance = 'anchored' | 'not-anchorable' | 'failed';

/** The folder id the latest establishing row names; null when the anchor was never established here. */
function folderMarker(db: Database): string | null {
  const row = prepared(
    db,
    "SELECT after FROM audit_trail WHERE chain_key = '' AND entity_id = ? AND entity = ? ORDER BY seq DESC LIMIT 1",
  ).get(MARKER, MARKER) as { after: string | null } | undefined;
  if (!row) return null;
  try {
    const folderId = (JSON.parse(row.after ?? 'null') as { folderId?: unknown } | null)?.folderId;
    return typeof folderId === 'string' ? folderId : '';
  } catch {
    // A marker row that does not parse: no anchor file can match it.
    return '';
  }
}

/**
 * Keeps each audit chain's end (row count, head hash, time) in a MAC-ed file beside the database,
 * so a database edited, truncated or restored behind the app's back no longer matches it.
 *
 * The anchor only ever moves forward, and only from a prefix it can confirm: every write happens
 * inside BEGIN IMMEDIATE (the database write lock serialises the app, the CLI and any other process),
 * re-reads the file there, checks that the row it anchored last is still in place, and advances
 * a chain only to a longer one. A file it cannot authenticate is never overwritten: it is evidence.
 *
 * Writing costs two fsyncs, so it never happens per autosave: appends mark their chain dirty and
 * the keeper anchors after a pause (or a maximum delay), synchronously when asked (review steps,
 * dossier signing, bundle export) and when the core closes.
 */
export class AnchorKeeper {
  /** Set when this open established the anchor of a folder that had chains but no anchor (data from an earlier version). */
  notice: IntegrityProblem | null = null;
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstPending = 0;
  private lastAppend = 0;
  private closed = false;
  private establishError: string | null = null;
  private readonly idleMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: AnchorOptions,
  ) {
    this.idleMs = options.idleMs ?? 2_000;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    watchAppends(db, (chainKey) => this.noteAppend(chainKey));
    this.openFolder();
  }

  /** The anchor file checked as a whole: present where it should be, readable, made with our key, MAC intact, ours. */
  status(): AnchorStatus {
    const read = readAnchorFile(this.options.file);
    const marker = folderMarker(this.db);
    if (read.state === 'missing') {
      return {
        ok: false,
        problem:
          marker !== null
            ? problemOf('anchor-missing')
            : problemOf('anchor-unavailable', { detail: this.establishError ?? '-' }),
      };
    }
    if (read.state === 'unreadable')
      return { ok: false, problem: problemOf('anchor-unreadable', { detail: read.detail }) };
    let key: AnchorKey | null;
    try {
      key = readAnchorKey(this.options.keyDir);
    } catch {
      return { ok: false, problem: problemOf('anchor-key-damaged', { dir: this.options.keyDir }) };
    }
    if (!key) return { ok: false, problem: problemOf('anchor-key-missing', { dir: this.options.keyDir }) };
    if (read.file.keyId !== key.id) return { ok: false, problem: problemOf('anchor-other-key') };
    if (!isAuthentic(read.file, key)) return { ok: false, problem: problemOf('anchor-forged') };
    if (read.file.folderId !== marker) return { ok: false, problem: problemOf('anchor-other-folder') };
    return { ok: true, chains: new Map(read.file.chains.map((c) => [c.chain, c])) };
  }

  /**
   * Anchors the given chains (default: those appended to since the last anchor) now. Never throws:
   * a failure (another process holding the lock past busy_timeout, a full disk) keeps them pending.
   * @returns false when the anchor could not be written and the chains stay pending.
   */
  anchorNow(chains: Iterable<string> = this.dirty): boolean {
    const keys = [...chains];
    if (!keys.length) return true;
    const outcome = this.advance(keys);
    if (outcome === 'failed') {
      for (const k of keys) this.dirty.add(k);
      return false;
    }
    for (const k of keys) this.dirty.delete(k);
    if (!this.dirty.size) this.firstPending = 0;
    return true;
  }

  /**
   * Establishes the anchor afresh at the current end of every chain, whatever the old file says: for
   * a data folder moved from another account or machine, or after a reported anchor problem was
   * looked into. The machine-wide trail records it, with the problem the anchor had before.
   */
  reanchor(previousProblem: string | null): number {
    const key = ensureAnchorKey(this.options.keyDir);
    return writeTransaction(this.db, () => {
      const folderId = folderMarker(this.db) || randomUUID();
      return this.mark(key, folderId, 're-anchor', { problem: previousProblem });
    });
  }

  /** Anchors what is pending and stops the timer; call before the database closes. */
  close(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.anchorNow();
    this.closed = true;
  }

  /** Called for every appended row, inside its transaction: only bookkeeping, no I/O (the autosave hot path). */
  private noteAppend(chainKey: string): void {
    if (this.closed) return;
    this.dirty.add(chainKey);
    this.lastAppend = Date.now();
    if (!this.firstPending) this.firstPending = this.lastAppend;
    if (!this.timer) this.arm(this.idleMs);
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.onTimer(), ms);
    // The CLI must exit as soon as its work is done; close() anchors what is left.
    this.timer.unref();
  }

  private onTimer(): void {
    this.timer = null;
    if (this.closed || !this.dirty.size) return;
    const now = Date.now();
    const due = Math.min(this.lastAppend + this.idleMs, this.firstPending + this.maxDelayMs);
    if (now < due) return this.arm(due - now);
    if (!this.anchorNow()) this.arm(this.idleMs);
  }

  /** First open of a folder with no anchor and no marker: create key, anchor and marker (under the write lock). */
  private openFolder(): void {
    const read = readAnchorFile(this.options.file);
    if (folderMarker(this.db) !== null) return;
    try {
      if (read.state === 'missing') this.establish();
      else if (read.state === 'read') this.adopt(read.file);
    } catch (e) {
      this.establishError = (e as Error).message.slice(0, 200);
    }
  }

  private establish(): void {
    const key = ensureAnchorKey(this.options.keyDir);
    const created = writeTransaction(this.db, () => {
      // Another process may have established it while we waited for the lock.
      if (folderMarker(this.db) !== null || readAnchorFile(this.options.file).state !== 'missing') return 0;
      return this.mark(key, randomUUID(), 'establish', {});
    });
    if (created > 0) this.notice = problemOf('anchor-created', { chains: created });
  }

  /**
   * Writes the anchor of every chain as it is now, then the trail row that marks it (inside the
   * caller's write transaction). The file is written first, without that row: if the commit fails,
   * the file is merely one row behind — the row is anchored like any other later.
   * @returns how many chains were anchored.
   */
  private mark(key: AnchorKey, folderId: string, action: 'establish' | 're-anchor', detail: object): number {
    const chains = this.heads(chainKeys(this.db));
    writeAnchorFile(this.options.file, { format: 'adsg-anchor/1', folderId, keyId: key.id, chains }, key);
    appendTrail(
      this.db,
      {
        projectId: null,
        entity: MARKER,
        entityId: MARKER,
        action,
        actor: getSettings({ db: this.db }).actorName,
        before: null,
        after: { folderId, chains: chains.length, ...detail },
      },
      this.options.now().toISOString(),
    );
    return chains.length;
  }

  /** An authentic anchor whose marker never committed (a crash right after writing it): take it as ours. */
  private adopt(file: AnchorFile): void {
    const key = readAnchorKey(this.options.keyDir);
    if (!key || !isAuthentic(file, key)) return;
    writeTransaction(this.db, () => {
      if (folderMarker(this.db) !== null) return;
      appendTrail(
        this.db,
        {
          projectId: null,
          entity: MARKER,
          entityId: MARKER,
          action: 'establish',
          actor: getSettings({ db: this.db }).actorName,
          before: null,
          after: { folderId: file.folderId, chains: file.chains.length },
        },
        this.options.now().toISOString(),
      );
    });
  }

  private heads(chains: Iterable<string>): ChainAnchor[] {
    const at = this.options.now().toISOString();
    const out: ChainAnchor[] = [];
    for (const chain of chains) {
      const head = chainHead(this.db, chain);
      if (head) out.push({ chain, ...head, at });
    }
    return out;
  }

  private advance(chains: readonly string[]): Advance {
    if (this.closed || !this.db.open) return 'not-anchorable';
    // Inside someone else's transaction the rows may still roll back: the timer or close() will come.
    if (this.db.inTransaction) return 'failed';
    let key: AnchorKey | null;
    try {
      key = readAnchorKey(this.options.keyDir);
    } catch (e) {
      if (e instanceof DamagedKeyError) return 'not-anchorable';
      return 'failed';
    }
    if (!key) return 'not-anchorable';
    try {
      return writeTransaction(this.db, () => this.advanceLocked(chains, key));
    } catch {
      return 'failed';
    }
  }

  private advanceLocked(chains: readonly string[], key: AnchorKey): Advance {
    const read = readAnchorFile(this.options.file);
    if (read.state !== 'read' || !isAuthentic(read.file, key) || read.file.folderId !== folderMarker(this.db))
      return 'not-anchorable';
    const { mac: _mac, ...body } = read.file;
    const anchored = new Map(body.chains.map((c) => [c.chain, c]));
    let changed = false;
    for (const next of this.heads(chains)) {
      const prev = anchored.get(next.chain);
      // Never backwards, and never past a prefix that no longer holds: that stays for the check to report.
      if (prev && (next.rows <= prev.rows || hashAtRow(this.db, next.chain, prev.rows) !== prev.head)) continue;
      anchored.set(next.chain, next);
      changed = true;
    }
    if (changed)
      writeAnchorFile(this.options.file, { ...body, chains: [...anchored.values()] } satisfies AnchorBody, key);
    return 'anchored';
  }
}
