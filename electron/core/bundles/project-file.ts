import { z } from 'zod';
import { Answer } from '../../../shared/domain/answer';
import { Evidence, Sha256Hex } from '../../../shared/domain/evidence';
import { Finding } from '../../../shared/domain/finding';
import { Flow, QuestionAnswer } from '../../../shared/domain/flow';
import { Project, RulesPackPin } from '../../../shared/domain/project';
import { Revision } from '../../../shared/domain/revision';
import { Override } from '../../../shared/ipc/channels/audit';

/** The version of project.json's layout; it moves with the manifest's format version. */
export const PROJECT_SCHEMA_VERSION = 1;

const Uuid = z.uuid();
/** Free text the app itself writes (actors, entity names, timestamps): bounded, never trusted further. */
const Label = z.string().max(1000);

/**
 * The workspace as loadWorkspace reads it, with every object strict (an unknown field is refused,
 * not dropped) and every id a UUID, as core mints them.
 */
export const BundleWorkspace = z.strictObject({
  project: Project.extend({ rulesPack: RulesPackPin.strict() }).strict(),
  flows: z.array(Flow.extend({ id: Uuid, projectId: Uuid }).strict()),
  questions: z.array(QuestionAnswer.extend({ flowId: Uuid }).strict()),
  answers: z.array(Answer.extend({ projectId: Uuid }).strict()),
  evidence: z.array(Evidence.extend({ id: Uuid, projectId: Uuid, size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict()),
  findings: z.array(Finding.extend({ id: Uuid, projectId: Uuid }).strict()),
  overrides: z.array(Override.extend({ projectId: Uuid }).strict()),
});
export type BundleWorkspace = z.infer<typeof BundleWorkspace>;

/** A revision with its accepted snapshot: the canonical JSON the reviewer accepted, byte for byte. */
export const BundleRevision = Revision.extend({
  projectId: Uuid,
  number: z.number().int().min(1),
  snapshot: z.string().nullable(),
}).strict();
export type BundleRevision = z.infer<typeof BundleRevision>;

/**
 * One row of the project's audit chain, oldest first. `before` and `after` are the exact canonical
 * JSON text the hash covers; the chain key is the project id, so it is not repeated.
 */
export const BundleTrailRow = z.strictObject({
  entity: Label,
  entityId: Label,
  action: Label,
  actor: Label,
  at: Label,
  before: z.string().nullable(),
  after: z.string().nullable(),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type BundleTrailRow = z.infer<typeof BundleTrailRow>;

/** project.json: everything about one project except the evidence bytes. */
export const BundleProject = z
  .strictObject({
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    workspace: BundleWorkspace,
    revisions: z.array(BundleRevision),
    trail: z.array(BundleTrailRow),
  })
  .meta({
    title: 'ADSG Workbench bundle: project.json',
    description:
      'One project of an .adsg bundle as canonical JSON (keys sorted, no whitespace): the workspace, every revision with its accepted snapshot, and the full audit-trail chain, oldest row first. Each row hash is SHA-256 over prevHash, a newline and the canonical JSON of {action, actor, after, at, before, chainKey, entity, entityId} with chainKey = the project id.',
  });
export type BundleProject = z.infer<typeof BundleProject>;
