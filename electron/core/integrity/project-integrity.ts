import { BREAK_REASONS } from '../../../shared/i18n/integrity-messages';
import { chainHead, hashAtRow, walkTrail } from '../audit-trail/trail';
import { BundleError } from '../bundles/errors';
import { listRevisionsWithSnapshots } from '../bundles/project-rows';
import { verifyCopyProvenance } from '../bundles/provenance';
import type { Core } from '../core';
import { AppError } from '../errors';
import type { AnchorStatus } from './anchor';
import { replayProblems } from './history';
import { problemOf, problemsText, type IntegrityProblem } from './problems';
import { TrailReplay } from './replay';
import { readStoredState } from './stored-state';
import { readTransaction } from '../db/transaction';

/** What the integrity check of one chain (a project's, or the machine-wide one) found. */
export interface ChainIntegrity {
  /** The chain key: the project id, or '' for the machine-wide chain. */
  chain: string;
  ok: boolean;
  rows: number;
  head: string | null;
  /** How far the anchor vouches for the chain (null: not anchored yet, or the anchor itself is in doubt). */
  anchoredRows: number | null;
  /** Accepted snapshots checked. */
  snapshots: number;
  problems: IntegrityProblem[];
}

export interface IntegrityOptions {
  /** The anchor as read once for many chains (doctor); read here otherwise. */
  anchor?: AnchorStatus;
  /** Report a problem of the anchor file as a whole in this chain's problems (default true; doctor lists it once). */
  anchorFileProblems?: boolean;
}

/**
 * The project integrity check, everything that must hold before anything is signed or handed over:
 * 1. the hash chain recomputes row by row (walkTrail);
 * 2. the chain still holds the row the anchor outside the database recorded as its end, so rows
 *    cut off the end, a rewritten tail or an older database put back are seen (anchor.ts);
 * 3. replaying the chain gives exactly the stored project, flows, questionnaire answers, checklist
 *    answers, evidence records, findings and overrides — the first differences are named by
 *    entity, id and field (replay.ts, compare.ts), and a copy's embedded history verifies;
 * 4. every accepted snapshot hashes to its stored hash and to the hash in the trail's accept row,
 *    and holds what the trail says the project was at that row (snapshots.ts).
 * The anchor file is read before the database, and the database in one read transaction: a
 * writer anchoring meanwhile can only make the database longer than the anchor, never shorter.
 */
export function checkChainIntegrity(core: Core, chain: string, options: IntegrityOptions = {}): ChainIntegrity {
  const anchor = options.anchor ?? core.anchors.status();
  return readTransaction(core.db, () => {
    const problems: IntegrityProblem[] = [];
    const replay = chain === '' ? null : new TrailReplay();
    const walk = walkTrail(core.db, chain, replay ? (row) => replay.apply(row) : undefined);
    if (!walk.ok)
      problems.push(
        problemOf('trail-broken', { seq: walk.firstBroken!.seq, reason: BREAK_REASONS[walk.firstBroken!.reason] }),
      );
    const total = chainHead(core.db, chain);

    let anchoredRows: number | null = null;
    if (!anchor.ok) {
      if (options.anchorFileProblems !== false) problems.push(anchor.problem);
    } else {
      const anchored = anchor.chains.get(chain);
      if (anchored) {
        const rows = total?.rows ?? 0;
        if (rows < anchored.rows)
          problems.push(problemOf('anchor-truncated', { rows, anchored: anchored.rows, at: anchored.at }));
        else if (hashAtRow(core.db, chain, anchored.rows) !== anchored.head)
          problems.push(problemOf('anchor-rewritten', { row: anchored.rows, at: anchored.at }));
        else anchoredRows = anchored.rows;
      }
    }

    let snapshots = 0;
    // What a broken chain "says" is worth nothing: its break is the finding.
    if (replay && walk.ok) {
      problems.push(...copyProvenanceProblems(core, chain));
      const stored = readStoredState(core.db, chain);
      if ('problem' in stored) problems.push(...replay.problems, stored.problem);
      else {
        const judged = replayProblems(replay, stored.state, listRevisionsWithSnapshots(core.db, chain));
        problems.push(...judged.problems);
        snapshots = judged.snapshots;
      }
    }
    return {
      chain,
      ok: problems.length === 0,
      rows: total?.rows ?? 0,
      head: total?.head ?? null,
      anchoredRows,
      snapshots,
      problems,
    };
  });
}

function copyProvenanceProblems(core: Core, chain: string): IntegrityProblem[] {
  try {
    verifyCopyProvenance(core.db, chain);
    return [];
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    return [problemOf('copy-provenance', { detail: { 'zh-CN': e.describe('zh-CN'), en: e.describe('en') } })];
  }
}

/**
 * Refuses, before a dossier is signed or a bundle exported, a project whose chain, anchor, stored
 * state or accepted snapshots do not hold (see {@link checkChainIntegrity}).
 * @throws AppError `integrity` naming the first problems in zh-CN and English.
 */
export function assertProjectIntegrity(core: Core, projectId: string, before: 'signing' | 'export'): ChainIntegrity {
  const report = checkChainIntegrity(core, projectId);
  if (report.ok) return report;
  const detail = problemsText(report.problems);
  throw before === 'signing'
    ? new AppError('integrity', 'error.integrity-before-signing', { detail })
    : new AppError('integrity', 'error.integrity', { what: detail });
}
