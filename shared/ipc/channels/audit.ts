import { z } from 'zod';
import { Answer, AnswerInput } from '../../domain/answer';
import { Evidence, EvidenceCheck } from '../../domain/evidence';
import { Finding, FindingInput, FindingPatch } from '../../domain/finding';
import { Flow, FlowInput, FlowPatch, QUESTION_ANSWERS, QuestionAnswer } from '../../domain/flow';
import { ProjectId } from '../../domain/ids';
import { Project } from '../../domain/project';

const Id = z.uuid();
const ItemId = z.string().min(1).max(200);
const confirm = z.literal(true, 'error.delete-confirm');
const OverrideScope = z.union([z.literal('organization'), Id]);

export const Override = z.object({
  projectId: z.string(),
  scope: z.string(),
  outcome: z.string(),
  exemption: z.string().nullable(),
  justification: z.string(),
  actor: z.string(),
  at: z.string(),
});
export type Override = z.infer<typeof Override>;

/** Everything an open project shows, in one read: what the auditor's screens work from. */
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

/** The auditor's day: inventory, questionnaire, determination overrides, checklist, evidence, findings. */
export const auditChannels = {
  'workspace:get': { input: z.strictObject({ projectId: ProjectId }), output: Workspace },
  'flows:create': { input: z.strictObject({ projectId: ProjectId, flow: FlowInput }), output: Flow },
  'flows:update': { input: z.strictObject({ id: Id, patch: FlowPatch }), output: Flow },
  'flows:delete': { input: z.strictObject({ id: Id, confirm }), output: z.object({ id: z.string() }) },
  'questions:answer': {
    input: z.strictObject({ flowId: Id, itemId: ItemId, answer: z.enum(QUESTION_ANSWERS), note: z.string().max(5000).default('') }),
    output: QuestionAnswer,
  },
  'answers:save': { input: AnswerInput, output: Answer },
  'overrides:set': {
    input: z.strictObject({
      projectId: ProjectId,
      scope: OverrideScope,
      outcome: z.enum(['security-assessment', 'standard-contract-or-certification', 'exempt', 'not-an-export']),
      exemption: z.string().max(80).nullable().default(null),
      justification: z.string().trim().min(1, 'v.justificationRequired').max(20_000, 'v.tooLong'),
    }),
    output: Override,
  },
  'overrides:clear': { input: z.strictObject({ projectId: ProjectId, scope: OverrideScope }), output: z.object({ cleared: z.boolean() }) },
  'findings:create': { input: z.strictObject({ projectId: ProjectId, finding: FindingInput }), output: Finding },
  'findings:update': { input: z.strictObject({ id: Id, patch: FindingPatch }), output: Finding },
  'findings:delete': { input: z.strictObject({ id: Id, confirm }), output: z.object({ id: z.string() }) },
  'findings:export': {
    input: z.strictObject({ projectId: ProjectId, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'evidence:pick': {
    input: z.strictObject({ projectId: ProjectId, itemId: ItemId.optional(), jobId: z.string().max(64) }),
    output: z.array(Evidence),
  },
  'evidence:addPaths': {
    input: z.strictObject({ projectId: ProjectId, paths: z.array(z.string().min(1).max(4096)).min(1).max(500), itemId: ItemId.optional(), jobId: z.string().max(64) }),
    output: z.array(Evidence),
  },
  'evidence:update': {
    input: z.strictObject({ id: Id, description: z.string().max(5000, 'v.tooLong') }),
    output: Evidence,
  },
  'evidence:link': { input: z.strictObject({ id: Id, itemId: ItemId, linked: z.boolean() }), output: Evidence },
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
