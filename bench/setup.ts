/** Builds the synthetic large audit in a fresh data folder: pack, project, other projects' answers, identity. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../shared/domain/project';
import type { RulesPack } from '../shared/rules/schema';
import { openCore, type Core } from '../electron/core/core';
import { bundleFileName, writePackFile } from '../electron/core/rules/installed';
import { createIdentity } from '../electron/core/signing';
import { enterAudit, fillOtherAnswers } from './fill';
import { planAudit, syntheticPack, type AuditSize } from './synthetic';

export interface BenchWorld {
  core: Core;
  pack: RulesPack;
  project: Project;
  identityId: string;
  passphrase: string;
  otherProjects: number;
  counts: {
    answers: number;
    trailRows: number;
    evidenceRows: number;
    evidenceLinks: number;
    projects: number;
    packChecklistItems: number;
  };
  seconds: { pack: number; audit: number; otherAnswers: number; identity: number };
}

const count = (core: Core, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Reads the real compiled pack (built by scripts/build.mjs into dist/rules). */
export async function readRealPack(distRules: string, id = 'adsg-2026', version = '1.0.0'): Promise<RulesPack> {
  const file = join(distRules, bundleFileName(id, version));
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RulesPack;
  } catch (error) {
    throw new Error(
      `Cannot read the compiled rules pack ${file} (run \`node scripts/build.mjs --node-only\` first): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export async function buildWorld(options: {
  workDir: string;
  distRules: string;
  size: AuditSize;
  log: (line: string) => void;
}): Promise<BenchWorld> {
  const { workDir, size, log } = options;
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const s = (now - last) / 1000;
      last = now;
      return s;
    };
  })();
  const rulesDir = join(workDir, 'rules');
  const pack = syntheticPack(await readRealPack(options.distRules), size.items);
  await writePackFile(rulesDir, pack);
  const packSeconds = lap();
  const core = openCore({ dataDir: join(workDir, 'data'), appVersion: '0.0.0-bench', rulesDir });
  log(`  pack ${pack.id}@${pack.version}: ${pack.checklists.reduce((n, c) => n + c.items.length, 0)} checklist items`);

  const project = await enterAudit(core, pack, planAudit(pack, size));
  const auditSeconds = lap();
  log(`  audit entered in ${auditSeconds.toFixed(1)} s`);
  const otherProjects = fillOtherAnswers(core, pack, size.storedAnswers);
  const otherSeconds = lap();
  log(`  ${otherProjects} other projects, answers table filled in ${otherSeconds.toFixed(1)} s`);
  // Merge the bulk writes into the database file, so every figure starts from a short WAL.
  core.db.pragma('wal_checkpoint(TRUNCATE)');

  const passphrase = 'bench passphrase 2026';
  const identity = await createIdentity(core.paths.identities, {
    name: '李伟 Li Wei',
    organisation: 'Bench Audit',
    passphrase,
    now: core.now(),
  });
  return {
    core,
    pack,
    project,
    identityId: identity.id,
    passphrase,
    otherProjects,
    counts: {
      answers: count(core, 'answers'),
      trailRows: count(core, 'audit_trail'),
      evidenceRows: count(core, 'evidence'),
      evidenceLinks: count(core, 'evidence_links'),
      projects: count(core, 'projects'),
      packChecklistItems: pack.checklists.reduce((n, c) => n + c.items.length, 0),
    },
    seconds: { pack: packSeconds, audit: auditSeconds, otherAnswers: otherSeconds, identity: lap() },
  };
}
