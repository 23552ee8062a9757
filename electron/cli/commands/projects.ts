import { type Command } from 'commander';
import { z } from 'zod';
import { PROCESSOR_ROLES, ProjectInput, type Project } from '../../../shared/domain/project';
import { ProjectId } from '../../../shared/domain/ids';
import { createProject, getProject, listAll } from '../../core/projects/service';
import { upgradeProjectPack } from '../../core/upgrade/apply';
import { prepareUpgrade } from '../../core/upgrade/plan';
import { formatText } from '../../../shared/rules/messages';
import { DIFF_LABELS } from '../../../shared/rules/diff-labels';
import { globalsOf, print } from '../context';
import { parseInput, withCore } from '../core-session';
import { upgradePlanText } from './pack-diff-text';
import { rulesCall } from './rules';

const line = (p: Project) => `${p.id}  ${p.name}  ${p.organization}  ${p.creditCode}  ${p.role}${p.ciio ? '  CIIO' : ''}`;

/** `adsg projects list|create|show`. */
export function registerProjectsCommand(program: Command): void {
  const projects = program.command('projects').description('List, create and show audit projects');

  projects
    .command('list')
    .description('List projects')
    .option('--all', 'include archived projects')
    .action(async (opts: { all?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const list = await withCore(g, (core) => listAll(core, Boolean(opts.all)));
      print(g, list, () => (list.length ? list.map(line) : ['(no projects)']));
    });

  projects
    .command('create')
    .description('Create a project')
    .requiredOption('--name <name>', 'project name')
    .requiredOption('--organization <org>', 'organisation being audited')
    .requiredOption('--credit-code <code>', 'unified social credit code (18 characters)')
    .option('--role <role>', `processor role: ${PROCESSOR_ROLES.join(', ')}`)
    .option('--ciio', 'the organisation is a critical information infrastructure operator')
    .option('--site <site>', 'site audited')
    .option('--audit-start <date>', 'audit period start (YYYY-MM-DD)')
    .option('--audit-end <date>', 'audit period end (YYYY-MM-DD)')
    .option('--auditor <name>', 'auditor')
    .option('--reviewer <name>', 'reviewer')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const g = globalsOf(cmd);
      const input = parseInput(
        ProjectInput,
        {
          name: opts.name,
          organization: opts.organization,
          creditCode: opts.creditCode,
          role: opts.role,
          ciio: Boolean(opts.ciio),
          site: opts.site,
          auditStart: opts.auditStart,
          auditEnd: opts.auditEnd,
          auditor: opts.auditor,
          reviewer: opts.reviewer,
        },
        g,
      );
      const project = await withCore(g, (core) => createProject(core, input));
      print(g, project, () => [line(project)]);
    });

  projects
    .command('show')
    .description('Show one project')
    .argument('<id>', 'project id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const { id: projectId } = parseInput(z.object({ id: ProjectId }), { id }, g);
      const project = await withCore(g, (core) => getProject(core, projectId));
      print(g, project, () => Object.entries(project).map(([k, v]) => `${k.padEnd(14)}${typeof v === 'object' && v !== null ? JSON.stringify(v) : (v ?? '')}`));
    });

  projects
    .command('upgrade-pack')
    .description('Move a project to another version of its rules pack (a new revision if the current one is accepted): prints what carries over, what must be re-confirmed and which determinations change')
    .argument('<project>', 'project id')
    .requiredOption('--to <pack>', 'the pack version to move to, e.g. adsg-2026@1.1.0-example')
    .option('--dry-run', 'only print the summary; change nothing', false)
    .action(async (id: string, opts: { to: string; dryRun: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const input = parseInput(
        z.object({ projectId: ProjectId, to: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:@[0-9A-Za-z.-]+)?$/, 'v.invalid') }),
        { projectId: id, to: opts.to },
        g,
      );
      if (opts.dryRun) {
        const { plan } = await rulesCall(g, (core) => prepareUpgrade(core, input.projectId, input.to));
        print(g, plan, () => upgradePlanText(plan, g.lang, false));
        return;
      }
      const result = await rulesCall(g, (core) => upgradeProjectPack(core, input.projectId, input.to));
      const pack = `${result.project.rulesPack.id}@${result.project.rulesPack.version}`;
      print(g, result, () => [...upgradePlanText(result.plan, g.lang, true), '', formatText(DIFF_LABELS.upgraded, g.lang, { pack, revision: result.revision.number })]);
    });
}
