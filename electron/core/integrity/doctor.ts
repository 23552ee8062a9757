import { chainKeys } from '../audit-trail/trail';
import type { Core } from '../core';
import { findProject, listProjects } from '../db/repos/projects';
import { checkChainIntegrity, type ChainIntegrity } from './project-integrity';
import { problemOf, type IntegrityProblem } from './problems';

/** At most this many lines of `PRAGMA integrity_check` / `foreign_key_check` are reported. */
const MAX_DB_LINES = 20;

/** One chain of the data folder as the doctor saw it, with the project's name when it still exists. */
export interface DoctorChain extends ChainIntegrity {
  name: string | null;
}

/** What `adsg doctor` found in a data folder. */
export interface DoctorReport {
  ok: boolean;
  /** The SQLite file itself: integrity_check and foreign keys. */
  database: IntegrityProblem[];
  /** The anchor file as a whole, with how many chains it records. */
  anchor: { problems: IntegrityProblem[]; chains: number; notices: IntegrityProblem[] };
  /** The machine-wide chain first, then every project's (deleted ones too: their chains stay). */
  chains: DoctorChain[];
}

/** The SQLite file: page-level integrity and every foreign key pointing at a row that exists. */
function checkDatabase(core: Core): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const lines = (core.db.pragma(`integrity_check(${MAX_DB_LINES})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (!(lines.length === 1 && lines[0] === 'ok')) for (const detail of lines) problems.push(problemOf('db-integrity', { detail }));
  const orphans = core.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  for (const o of orphans.slice(0, MAX_DB_LINES)) problems.push(problemOf('db-foreign-key', { table: o.table, rowid: o.rowid ?? '-', parent: o.parent }));
  return problems;
}

/** Every chain the data folder should account for: with rows, named by a project, or recorded in the anchor. */
function everyChain(core: Core, anchored: Iterable<string>): string[] {
  const keys = new Set(['', ...chainKeys(core.db), ...listProjects(core.db, true).map((p) => p.id), ...anchored]);
  return [...keys].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
}

/**
 * Checks a whole data folder: the SQLite file (integrity_check, foreign keys), the anchor file, and
 * every chain with the full project integrity check (chain, anchor, replayed state, snapshots).
 * `ok` only when nothing at all was found.
 */
export function checkDataFolder(core: Core): DoctorReport {
  const database = checkDatabase(core);
  const anchor = core.anchors.status();
  const chains = everyChain(core, anchor.ok ? anchor.chains.keys() : []).map((chain) => ({
    ...checkChainIntegrity(core, chain, { anchor, anchorFileProblems: false }),
    name: chain === '' ? null : (findProject(core.db, chain)?.name ?? null),
  }));
  const anchorProblems = anchor.ok ? [] : [anchor.problem];
  return {
    ok: database.length === 0 && anchorProblems.length === 0 && chains.every((c) => c.ok),
    database,
    anchor: { problems: anchorProblems, chains: anchor.ok ? anchor.chains.size : 0, notices: core.anchors.notice ? [core.anchors.notice] : [] },
    chains,
  };
}

/**
 * Re-establishes the anchor at the current end of every chain (`adsg doctor --re-anchor`), for a
 * data folder moved from another account or machine, or once a reported anchor problem has been
 * looked into. It accepts the database's chain ends as they now are, so the machine-wide trail
 * records who did it, when, and what the anchor said before; chain breaks and state differences
 * stay reported.
 */
export function reanchorDataFolder(core: Core): IntegrityProblem {
  const before = core.anchors.status();
  const chains = core.anchors.reanchor(before.ok ? null : before.problem.code);
  return problemOf('re-anchored', { chains });
}
