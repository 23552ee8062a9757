import { type Command } from 'commander';
import { z } from 'zod';
import { ProjectId } from '../../../shared/domain/ids';
import { ReviewComments } from '../../../shared/domain/revision';
import { acceptRevision, returnForChanges, submitForReview } from '../../core/review/service';
import { globalsOf, print } from '../context';
import { parseInput, withCore } from '../core-session';

/** `adsg review submit|accept|return PROJECT [--comment TEXT]`. */
export function registerReviewCommands(program: Command): void {
  const review = program.command('review').description('Submit a project for review, accept it (locks a revision) or return it');
  const steps = {
    submit: { describe: 'The auditor submits the current revision for review', run: submitForReview, needsComment: false },
    accept: { describe: 'The reviewer accepts: the revision is locked and dossiers can be made from it', run: acceptRevision, needsComment: false },
    return: { describe: 'The reviewer returns the revision with comments', run: returnForChanges, needsComment: true },
  } as const;
  for (const [name, step] of Object.entries(steps)) {
    review
      .command(name)
      .description(step.describe)
      .argument('<project>', 'project id')
      .option('--comment <text>', step.needsComment ? 'comments for the auditor (required)' : 'comments')
      .action(async (id: string, opts: { comment?: string }, cmd: Command) => {
        const g = globalsOf(cmd);
        const input = parseInput(
          z.object({ id: ProjectId, comment: step.needsComment ? ReviewComments.trim().min(1, 'v.required') : ReviewComments.default('') }),
          { id, comment: opts.comment },
          g,
        );
        const revision = await withCore(g, (core) => step.run(core, input.id, input.comment));
        print(g, revision, () => [`revision ${revision.number}: ${revision.state}${revision.snapshotHash ? `  snapshot ${revision.snapshotHash}` : ''}`]);
      });
  }
}
