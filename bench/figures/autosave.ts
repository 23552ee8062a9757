/**
 * Autosave of a checklist answer through the real IPC handler (`answers:save`: zod in, the answer
 * upsert and its hash-chained trail row in one transaction, synchronous=FULL, zod out), against raw
 * better-sqlite3 doing the same answer upsert on the same connection (same file, same pragmas), and
 * the same upsert plus a trail-shaped row in one transaction (our writes without our code). The
 * fsync floor of the disk is measured alongside: with synchronous=FULL every commit waits for one.
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';
import { writeTransaction } from '../../electron/core/db/transaction';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { summarise, type Summary } from '../stats';

export interface AutosaveFigure {
  answersStored: number;
  trailRows: number;
  pragmas: { journal_mode: string; synchronous: number; wal_autocheckpoint: number; page_size: number };
  /** dispatch('answers:save') per call, ms. */
  ours: Summary;
  /** Raw better-sqlite3: the same upsert of the same row, autocommit, same connection and pragmas. */
  rawUpsert: Summary;
  /** Raw: the upsert plus one trail-shaped row (random 64-hex hash) in one transaction. */
  rawUpsertPlusTrail: Summary;
  /** write(4 KiB) + fdatasync on a file in the data folder. */
  fdatasync: Summary;
  /**
   * A fixed CPU-only task of about the handler's CPU cost (SHA-256 of 128 KiB, no I/O): its tail is
   * what the scheduler alone adds on this machine at this moment (other load, a busy VM host).
   */
  cpuOnly: Summary;
  /** Our slowest calls (ms), to see whether the tail is a few outliers. */
  slowestMs: number[];
  /**
   * What-if, NOT the product's setting (DESIGN.md: synchronous=FULL for audit records): the same
   * handler on the same connection with synchronous=NORMAL (WAL: durable against a crash of the app,
   * not against power loss), with SQLite's automatic checkpoints, and with them moved off the save
   * path (wal_autocheckpoint=0, a PASSIVE checkpoint between rounds, as an idle-time task would).
   */
  whatIf: { walNormal: Summary; walNormalIdleCheckpoint: Summary; idleCheckpointMs: Summary };
}

const pragma = (core: Core, name: string) => core.db.pragma(name, { simple: true }) as string | number;

export async function benchAutosave(
  core: Core,
  projectId: string,
  itemIds: string[],
  options: { rounds: number; perRound: number; warmup: number },
): Promise<AutosaveFigure> {
  const ours: number[] = [];
  const raw: number[] = [];
  const rawTx: number[] = [];
  const sync: number[] = [];
  const cpuOnly: number[] = [];
  const block = randomBytes(128 * 1024);
  let n = 0;
  const nextInput = () => {
    n++;
    const itemId = itemIds[n % itemIds.length]!;
    // Alternate the content so no save is a no-op.
    return n % 2
      ? {
          projectId,
          itemId,
          result: 'partially-conforming' as const,
          notes: `复核第 ${n} 次：抽查记录基本一致。`,
          justification: '',
        }
      : {
          projectId,
          itemId,
          result: 'nonconforming' as const,
          notes: `复核第 ${n} 次：发现缺口。`,
          justification: '未提供审批记录。',
        };
  };

  const upsert = core.db.prepare(
    `INSERT INTO answers (project_id, item_id, result, notes, justification, updated_at, actor)
     VALUES (@projectId, @itemId, @result, @notes, @justification, @updatedAt, @actor)
     ON CONFLICT(project_id, item_id) DO UPDATE SET result = excluded.result, notes = excluded.notes,
       justification = excluded.justification, updated_at = excluded.updated_at, actor = excluded.actor`,
  );
  const trail = core.db.prepare(
    `INSERT INTO audit_trail (chain_key, entity, entity_id, action, actor, at, before, after, prev_hash, hash)
     VALUES ('bench-raw', 'answer', @itemId, 'answer', @actor, @updatedAt, NULL, @after, @prev, @hash)`,
  );
  const both = (row: Record<string, string>) =>
    writeTransaction(core.db, () => {
      upsert.run(row);
      trail.run({ ...row, after: JSON.stringify(row), prev: '0'.repeat(64), hash: randomBytes(32).toString('hex') });
    });
  const rawRow = () => ({ ...nextInput(), updatedAt: new Date().toISOString(), actor: 'bench' });

  const syncFile = join(core.dataDir, 'fsync-probe.bin');
  const fd = openSync(syncFile, 'w');
  const page = randomBytes(4096);
  const autoCheckpoint = Number(pragma(core, 'wal_autocheckpoint'));
  let whatIf: AutosaveFigure['whatIf'] | undefined;

  try {
    const oneOurs = async () => {
      const input = nextInput();
      const started = performance.now();
      const result = await dispatch(core, 'answers:save', input);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`answers:save failed: ${result.error.message}`);
      return ms;
    };
    const time = (work: () => void) => {
      const started = performance.now();
      work();
      return performance.now() - started;
    };
    for (let i = 0; i < options.warmup; i++) {
      await oneOurs();
      time(() => upsert.run(rawRow()));
    }
    for (let round = 0; round < options.rounds; round++) {
      for (let i = 0; i < options.perRound; i++) ours.push(await oneOurs());
      for (let i = 0; i < options.perRound; i++) raw.push(time(() => upsert.run(rawRow())));
      for (let i = 0; i < options.perRound; i++) rawTx.push(time(() => both(rawRow())));
      for (let i = 0; i < options.perRound; i++) cpuOnly.push(time(() => createHash('sha256').update(block).digest()));
      for (let i = 0; i < options.perRound; i++)
        sync.push(
          time(() => {
            writeSync(fd, page, 0, page.length, 0);
            fdatasyncSync(fd);
          }),
        );
    }
    // The what-if series, then the product's pragmas back.
    const normal: number[] = [];
    const idle: number[] = [];
    const checkpoints: number[] = [];
    try {
      core.db.pragma('synchronous = NORMAL');
      for (let round = 0; round < options.rounds; round++)
        for (let i = 0; i < options.perRound; i++) normal.push(await oneOurs());
      core.db.pragma('wal_autocheckpoint = 0');
      for (let round = 0; round < options.rounds; round++) {
        for (let i = 0; i < options.perRound; i++) idle.push(await oneOurs());
        checkpoints.push(time(() => core.db.pragma('wal_checkpoint(PASSIVE)')));
      }
    } finally {
      core.db.pragma('synchronous = FULL');
      core.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
    whatIf = {
      walNormal: summarise(normal),
      walNormalIdleCheckpoint: summarise(idle),
      idleCheckpointMs: summarise(checkpoints),
    };
  } finally {
    closeSync(fd);
    rmSync(syncFile, { force: true });
  }
  return {
    answersStored: (core.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n,
    trailRows: (core.db.prepare('SELECT count(*) AS n FROM audit_trail').get() as { n: number }).n,
    pragmas: {
      journal_mode: String(pragma(core, 'journal_mode')),
      synchronous: Number(pragma(core, 'synchronous')),
      wal_autocheckpoint: Number(pragma(core, 'wal_autocheckpoint')),
      page_size: Number(pragma(core, 'page_size')),
    },
    ours: summarise(ours),
    rawUpsert: summarise(raw),
    rawUpsertPlusTrail: summarise(rawTx),
    fdatasync: summarise(sync),
    cpuOnly: summarise(cpuOnly),
    slowestMs: [...ours].sort((a, b) => b - a).slice(0, 10),
    whatIf: whatIf!,
  };
}
