import { z } from 'zod';
import { Answer, AnswerInput, StoredAnswer } from '../../domain/answer';
import { Evidence, EvidenceCheck, EvidenceDescription, StoredEvidence } from '../../domain/evidence';
import { Finding, FindingInput, FindingPatch, StoredFinding } from '../../domain/finding';
import { Flow, FlowInput, FlowPatch, QUESTION_ANSWERS, QUESTION_NOTE_MAX, QuestionAnswer, StoredFlow, StoredQuestionAnswer } from '../../domain/flow';
import { ProjectId } from '../../domain/ids';
import { Project, StoredProject } from '../../domain/project';
import { RECORDED_ACTOR_MAX } from '../../domain/settings';
import { multiLine, PLAIN_TEXT, STORED_TEXT, type TextRules } from '../../domain/text';

const Id = z.uuid();
const ItemId = z.string().min(1).max(200);
const confirm = z.literal(true, 'error.delete-confirm');
const OverrideScope = z.union([z.literal('organization'), Id]);

const overrideRecord = (t: TextRules) =>
  z.object({
    projectId: z.string(),
    scope: z.string(),
    outcome: z.string(),
    exemption: z.string().nullable(),
    justification: t.lines(20_000),
    actor: t.line(RECORDED_ACTOR_MAX),
    at: z.string(),
  });
/** The auditor's own determination for the organisation or a flow. Held to the input rule: what a bundle must carry. */
export const Override = overrideRecord(PLAIN_TEXT);
export type Override = z.infer<typeof Override>;
const StoredOverride = overrideRecord(STORED_TEXT);

/** Everything an open project shows, in one read: what the auditor's screens work from. Held to the input rule (a bundle's snapshots). */
export const Workspace = z.object({
  project: Project,
  flows: z.array(Flow),
  questions: z.array(QuestionAnswer),
  answers: z.array(Answer),
  evidence: z.array(Evidence),
  findings: z.array(Finding),
  overrides: z.array(Override),
});
export type Workspace = z.infer<typeof Workspace>;

/** The workspace as this database holds it: what `workspace:get` replies (text an older version stored is kept). */
const StoredWorkspace = z.object({
  project: StoredProject,
  flows: z.array(StoredFlow),
  questions: z.array(StoredQuestionAnswer),
  answers: z.array(StoredAnswer),
  evidence: z.array(StoredEvidence),
  findings: z.array(StoredFinding),
  overrides: z.array(StoredOverride),
});

/** The auditor's day: inventory, questionnaire, determination overrides, checklist, evidence, findings. */
export const auditChannels = {
  'workspace:get': { input: z.strictObject({ projectId: ProjectId }), output: StoredWorkspace },
  'flows:create': { input: z.strictObject({ projectId: ProjectId, flow: FlowInput }), output: StoredFlow },
  'flows:update': { input: z.strictObject({ id: Id, patch: FlowPatch }), output: StoredFlow },
  'flows:delete': { input: z.strictObject({ id: Id, confirm }), output: z.object({ id: z.string() }) },
  'questions:answer': {
    input: z.strictObject({ flowId: Id, itemId: ItemId, answer: z.enum(QUESTION_ANSWERS), note: multiLine(QUESTION_NOTE_MAX).default('') }),
    output: StoredQuestionAnswer,
  },
  'answers:save': { input: AnswerInput, output: StoredAnswer },
  'overrides:set': {
    input: z.strictObject({
      projectId: ProjectId,
      scope: OverrideScope,
      outcome: z.enum(['security-assessment', 'standard-contract-or-certification', 'exempt', 'not-an-export']),
      exemption: z.string().max(80).nullable().default(null),
      justification: multiLine(20_000, { trim: true }).min(1, 'v.justificationRequired'),
    }),
    output: StoredOverride,
  },
  'overrides:clear': { input: z.strictObject({ projectId: ProjectId, scope: OverrideScope }), output: z.object({ cleared: z.boolean() }) },
  'findings:create': { input: z.strictObject({ projectId: ProjectId, finding: FindingInput }), output: StoredFinding },
  'findings:update': { input: z.strictObject({ id: Id, patch: FindingPatch }), output: StoredFinding },
  'findings:delete': { input: z.strictObject({ id: Id, confirm }), output: z.object({ id: z.string() }) },
  'findings:export': {
    input: z.strictObject({ projectId: ProjectId, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'evidence:pick': {
    input: z.strictObject({ projectId: ProjectId, itemId: ItemId.optional(), jobId: z.string().max(64) }),
    output: z.array(StoredEvidence),
  },
  'evidence:addPaths': {
    input: z.strictObject({ projectId: ProjectId, paths: z.array(z.string().min(1).max(4096)).min(1).max(500), itemId: ItemId.optional(), jobId: z.string().max(64) }),
    output: z.array(StoredEvidence),
  },
  'evidence:update': {
    input: z.strictObject({ id: Id, description: EvidenceDescription }),
    output: StoredEvidence,
  },
  'evidence:link': { input: z.strictObject({ id: Id, itemId: ItemId, linked: z.boolean() }), output: StoredEvidence },
  'evidence:delete': { input: z.strictObject({ id: Id, confirm }), output: z.object({ id: z.string() }) },
  'evidence:preview': {
    input: z.strictObject({ id: Id }),
    output: z.object({ kind: z.enum(['image', 'text', 'none']), mediaType: z.string(), data: z.string(), truncated: z.boolean() }),
  },
  'evidence:verify': {
    // With a jobId the re-hashing reports progress (kind "evidence") and `jobs:cancel` stops it.
    input: z.strictObject({ projectId: ProjectId, jobId: z.string().max(64).optional() }),
    output: EvidenceCheck,
  },
  'jobs:cancel': { input: z.strictObject({ jobId: z.string().max(64) }), output: z.object({ cancelled: z.boolean() }) },
} as const;
