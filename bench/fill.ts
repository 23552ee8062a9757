/**
 * Enters a synthetic audit into a real core through the services (so every row has its audit-trail
 * record, as in use). Two shortcuts, both outside what is timed: evidence bytes are written straight
 * to their content address (2,000 worker round trips would eat the run's time budget; ingest has its
 * own figure), and bulk entry runs inside one outer transaction (one fsync instead of 100k).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { Project } from '../shared/domain/project';
import type { RulesPack } from '../shared/rules/schema';
import { saveChecklistAnswer } from '../electron/core/answers/service';
import { recordChange } from '../electron/core/audit-trail/record';
import { appendTrail } from '../electron/core/audit-trail/trail';
import type { Core } from '../electron/core/core';
import { saveAnswer } from '../electron/core/db/repos/answers';
import { insertEvidence, linkEvidence } from '../electron/core/db/repos/evidence';
import { storedPath } from '../electron/core/evidence/paths';
import { createFinding } from '../electron/core/findings/service';
import { answerQuestion, createFlow } from '../electron/core/flows/service';
import { createProject, pinRulesPack } from '../electron/core/projects/service';
import { acceptRevision, submitForReview } from '../electron/core/review/service';
import { activeChecklistItems, evidenceContent, prng, type AuditPlan } from './synthetic';
import { writeTransaction } from '../electron/core/db/transaction';

const pinOf = (pack: RulesPack) => ({ id: pack.id, version: pack.version, contentHash: pack.contentHash });

/** Enters `plan` as a new project pinned to `pack`, then submits and accepts it (a dossier needs an accepted revision). */
export async function enterAudit(core: Core, pack: RulesPack, plan: AuditPlan): Promise<Project> {
  const project = createProject(core, plan.project);
  pinRulesPack(core, project.id, pinOf(pack));
  // Evidence bytes first (async), rows after, all rows in one transaction.
  const stored = await Promise.all(
    plan.evidence.map(async (e, i) => {
      const bytes = evidenceContent(e, i);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = storedPath(core.paths.evidence, sha256);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return { sha256, size: bytes.length };
    }),
  );
  writeTransaction(core.db, () => {
    const flows = plan.flows.map((f) => createFlow(core, project.id, f));
    for (const q of plan.questions)
      answerQuestion(core, { flowId: flows[q.flow]!.id, itemId: q.itemId, answer: q.answer, note: q.note });
    for (const a of plan.answers) saveChecklistAnswer(core, { projectId: project.id, ...a });
    const evidenceIds = plan.evidence.map((e, i) => {
      // As evidence-records/service.ts records an ingested file: the row, then one link per item, each in the trail.
      const row = {
        id: randomUUID(),
        projectId: project.id,
        sha256: stored[i]!.sha256,
        fileName: e.fileName,
        size: stored[i]!.size,
        mediaType: 'application/octet-stream',
        description: '',
        capturedBy: core.actor(),
        capturedAt: core.now().toISOString(),
      };
      insertEvidence(core.db, row);
      recordChange(core, {
        projectId: project.id,
        entity: 'evidence',
        entityId: row.id,
        action: 'add',
        before: null,
        after: row,
      });
      for (const itemId of e.itemIds) {
        linkEvidence(core.db, row.id, itemId);
        recordChange(core, {
          projectId: project.id,
          entity: 'evidence',
          entityId: row.id,
          action: 'link',
          before: null,
          after: { itemId },
        });
      }
      return row.id;
    });
    for (const { evidence, ...finding } of plan.findings)
      createFinding(core, project.id, { ...finding, evidenceIds: evidence.map((i) => evidenceIds[i]!) });
  });
  submitForReview(core, project.id, 'bench');
  acceptRevision(core, project.id, 'bench');
  return project;
}

/**
 * Fills the database with other projects' answers until the answers table holds `total` rows. Each
 * project is created through the projects service; its answers go through the same repository calls
 * the answers service makes (the answer upsert and its hash-chained trail row), without the per-save
 * settings reads and review guard, which would triple the setup time and add nothing to the tables.
 * Returns how many projects it created.
 */
export function fillOtherAnswers(core: Core, pack: RulesPack, total: number, seed = 7): number {
  const items = activeChecklistItems(pack);
  const r = prng(seed);
  const stored = () => (core.db.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  const actor = 'Bench';
  let projects = 0;
  for (let have = stored(); have < total; projects++) {
    writeTransaction(core.db, () => {
      const project = createProject(core, {
        name: `Filler ${projects + 1}`,
        organization: 'Filler Motors',
        creditCode: '91310114MA1GT8XK2E',
        role: 'vehicle-manufacturer',
        ciio: false,
        site: '',
        auditStart: null,
        auditEnd: null,
        auditor: actor,
        reviewer: '',
      } as Project);
      pinRulesPack(core, project.id, pinOf(pack));
      const at = core.now().toISOString();
      for (const item of items.slice(0, total - have)) {
        const result = r.next() < 0.8 ? ('conforming' as const) : ('not-applicable' as const);
        const answer = {
          projectId: project.id,
          itemId: item.id,
          result,
          notes: '抽查记录一致。',
          justification: result === 'conforming' ? '' : '不适用于本厂区。',
          updatedAt: at,
          actor,
        };
        saveAnswer(core.db, answer);
        appendTrail(
          core.db,
          {
            projectId: project.id,
            entity: 'answer',
            entityId: item.id,
            action: 'answer',
            actor,
            before: null,
            after: answer,
          },
          at,
        );
      }
    });
    have = stored();
  }
  return projects;
}
