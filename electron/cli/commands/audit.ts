import { type Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ProjectId } from '../../../shared/domain/ids';
import { verifyTrail } from '../../core/audit-trail/trail';
import { createDemoProject } from '../../core/demo/example-motors';
import { addEvidenceFiles, verifyProjectEvidence } from '../../core/evidence-records/service';
import { headlessPorts } from '../../core/ports';
import { getProject } from '../../core/projects/service';
import { CliError, EXIT, globalsOf, print } from '../context';
import { parseInput, withCore } from '../core-session';

const projectArg = (id: string, cmd: Command) => parseInput(z.object({ id: ProjectId }), { id }, globalsOf(cmd)).id;

/** `adsg demo`, `adsg evidence add|verify`, `adsg trail verify`. */
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
    .description('Walk the hash chain; exit 1 naming the first broken row')
    .argument('<project>', 'project id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const projectId = projectArg(id, cmd);
      // A deleted project's chain stays verifiable; only a project that never existed is an error.
      const result = await withCore(g, (core) => {
        const v = verifyTrail(core.db, projectId);
        if (v.rows === 0) getProject(core, projectId);
        return v;
      });
      print(g, result, () =>
        [result.ok ? `ok: ${result.rows} row(s), head ${result.head}` : `broken at row ${result.firstBroken!.seq} (${result.firstBroken!.reason})`],
      );
      if (!result.ok) throw new CliError(EXIT.checkFailed, g.json ? '' : `audit trail broken at row ${result.firstBroken!.seq}`);
    });
}
