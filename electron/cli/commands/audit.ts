import { type Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ProjectId } from '../../../shared/domain/ids';
import { integrityMessage } from '../../../shared/i18n/integrity-messages';
import type { Locale } from '../../../shared/i18n/locale';
import { createDemoProject } from '../../core/demo/example-motors';
import { addEvidenceFiles, verifyProjectEvidence } from '../../core/evidence-records/service';
import { checkDataFolder, reanchorDataFolder, type DoctorChain } from '../../core/integrity/doctor';
import { describeProblem, type IntegrityProblem } from '../../core/integrity/problems';
import { checkChainIntegrity, type ChainIntegrity } from '../../core/integrity/project-integrity';
import { headlessPorts } from '../../core/ports';
import { getProject } from '../../core/projects/service';
import { CliError, EXIT, globalsOf, print } from '../context';
import { parseInput, withCore } from '../core-session';

const projectArg = (id: string, cmd: Command) => parseInput(z.object({ id: ProjectId }), { id }, globalsOf(cmd)).id;

/** A problem as --json prints it: its code and parameters, and its message in the chosen language. */
const problemJson = (p: IntegrityProblem, lang: Locale) => ({ code: p.code, params: p.params, message: describeProblem(p, lang) });

/** A chain's report as --json prints it (firstBroken kept for scripts written against the chain-only check). */
function chainJson(r: ChainIntegrity, lang: Locale) {
  const broken = r.problems.find((p) => p.code === 'trail-broken');
  return {
    ...r,
    firstBroken: broken ? { seq: broken.params.seq } : null,
    problems: r.problems.map((p) => problemJson(p, lang)),
  };
}

/** The lines `doctor` prints for one chain. */
function describeChain(c: DoctorChain, lang: Locale): string[] {
  const id = c.chain === '' ? '-' : c.chain;
  // Names are whatever the database holds: print() shows any control character escaped.
  const name = c.chain === '' ? integrityMessage(lang, 'doctor-machine-chain') : c.name === null ? integrityMessage(lang, 'doctor-deleted-project') : c.name;
  if (c.ok) return [integrityMessage(lang, 'doctor-item-ok', { id, name })];
  return [integrityMessage(lang, 'doctor-item-problems', { id, name, count: c.problems.length }), ...c.problems.map((p) => `  - ${describeProblem(p, lang)}`)];
}

/** `adsg demo`, `adsg evidence add|verify`, `adsg trail verify`, `adsg doctor`. */
export function registerAuditCommands(program: Command): void {
  program
    .command('demo')
    .description('Create the sample project "Example Motors"')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const project = await withCore(g, (core) => createDemoProject(core));
      print(g, project, () => [`${project.id}  ${project.name}`]);
    });

  const evidence = program.command('evidence').description('Evidence files of a project');
  evidence
    .command('add')
    .description('Copy files into the evidence store (SHA-256, de-duplicated) and record them in the project')
    .argument('<project>', 'project id')
    .argument('<files...>', 'files to add')
    .option('--item <id>', 'link the files to this checklist item')
    .action(async (id: string, files: string[], opts: { item?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const projectId = projectArg(id, cmd);
      const added = await withCore(g, (core) =>
        addEvidenceFiles(core, headlessPorts, { projectId, paths: files.map((f) => resolve(f)), itemId: opts.item, jobId: 'cli' }),
      );
      print(g, added, () => added.map((e) => `${e.sha256}  ${e.size}  ${e.fileName}`));
    });
  evidence
    .command('verify')
    .description('Re-hash every evidence file; exit 1 naming each modified or missing file')
    .argument('<project>', 'project id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const projectId = projectArg(id, cmd);
      const check = await withCore(g, (core) => verifyProjectEvidence(core, projectId));
      print(g, check, () =>
        check.ok ? [`ok: ${check.checked} file(s) intact`] : check.problems.map((p) => `${p.problem}: ${p.fileName} (${p.sha256})`),
      );
      if (!check.ok) throw new CliError(EXIT.checkFailed, g.json ? '' : `${check.problems.length} evidence file(s) failed verification`);
    });

  program
    .command('trail')
    .description('The audit trail of a project')
    .command('verify')
    .description('The full integrity check: hash chain, anchor, stored data replayed from the trail, accepted snapshots; exit 1 naming each problem')
    .argument('<project>', 'project id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const projectId = projectArg(id, cmd);
      const report = await withCore(g, (core) => {
        const r = checkChainIntegrity(core, projectId);
        // A deleted project's chain stays verifiable; only a project that never existed (and that no anchor knows) is an error.
        if (r.rows === 0 && r.problems.length === 0) getProject(core, projectId);
        return r;
      });
      print(g, chainJson(report, g.lang), () =>
        report.ok
          ? [integrityMessage(g.lang, 'project-ok', { rows: report.rows, head: report.head ?? '-', anchored: report.anchoredRows ?? '-', snapshots: report.snapshots })]
          : report.problems.map((p) => describeProblem(p, g.lang)),
      );
      if (!report.ok) throw new CliError(EXIT.checkFailed, g.json ? '' : integrityMessage(g.lang, 'project-failed', { project: projectId, count: report.problems.length }));
    });

  program
    .command('doctor')
    .description('Check the whole data folder: SQLite integrity and foreign keys, the anchor, and every project’s integrity; exit 0 only when all is well')
    .option('--re-anchor', 'first re-establish the anchor at the current end of every chain (a data folder moved from another computer or account); recorded in the trail', false)
    .action(async (opts: { reAnchor: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const { report, reanchored } = await withCore(g, (core) => ({ reanchored: opts.reAnchor ? reanchorDataFolder(core) : null, report: checkDataFolder(core) }));
      const notices = [...report.anchor.notices, ...(reanchored ? [reanchored] : [])];
      const json = {
        ok: report.ok,
        database: report.database.map((p) => problemJson(p, g.lang)),
        anchor: { chains: report.anchor.chains, problems: report.anchor.problems.map((p) => problemJson(p, g.lang)) },
        notices: notices.map((p) => problemJson(p, g.lang)),
        chains: report.chains.map((c) => ({ ...chainJson(c, g.lang), name: c.name })),
      };
      print(g, json, () =>
        [
          ...notices.map((p) => describeProblem(p, g.lang)),
          ...(report.database.length ? report.database.map((p) => describeProblem(p, g.lang)) : [integrityMessage(g.lang, 'doctor-database-ok')]),
          ...(report.anchor.problems.length ? report.anchor.problems.map((p) => describeProblem(p, g.lang)) : [integrityMessage(g.lang, 'doctor-anchor-ok', { chains: report.anchor.chains })]),
          ...report.chains.flatMap((c) => describeChain(c, g.lang)),
          ...(report.ok ? [integrityMessage(g.lang, 'doctor-summary-ok', { chains: report.chains.length })] : []),
        ],
      );
      if (!report.ok) {
        const count = report.database.length + report.anchor.problems.length + report.chains.reduce((n, c) => n + c.problems.length, 0);
        throw new CliError(EXIT.checkFailed, g.json ? '' : integrityMessage(g.lang, 'doctor-summary-failed', { chains: report.chains.length, count }));
      }
    });
}
