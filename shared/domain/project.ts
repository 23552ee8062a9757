import { z } from 'zod';
import { creditCodeProblem } from './credit-code';
import { ProjectId } from './ids';
import { PLAIN_TEXT, STORED_TEXT, type TextRules } from './text';

/** Processor roles named by the guideline (2026-SUM, §1.1 of the domain reference). */
export const PROCESSOR_ROLES = [
  'vehicle-manufacturer',
  'parts-software-supplier',
  'telecom-operator',
  'automated-driving-provider',
  'platform-operator',
  'dealer',
  'repair-shop',
  'mobility-service',
] as const;
export const ProcessorRole = z.enum(PROCESSOR_ROLES);
export type ProcessorRole = z.infer<typeof ProcessorRole>;

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30). */
export const IsoDate = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, 'v.date');

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.creditCode.${problem}` });
  });

/** The project's text fields under rules `t`. Validation messages are catalogue keys (shared/i18n/messages.ts) so every door localises them. */
const projectText = (t: TextRules) => ({
  name: t.line(200).min(1, 'v.required'),
  organization: t.line(200).min(1, 'v.required'),
  site: t.line(200),
  auditor: t.line(100),
  reviewer: t.line(100),
});

const projectFields = {
  ...projectText(PLAIN_TEXT),
  creditCode: CreditCode,
  role: ProcessorRole,
  ciio: z.boolean(),
  auditStart: IsoDate.nullable(),
  auditEnd: IsoDate.nullable(),
};

const auditPeriodInOrder = (p: { auditStart?: string | null; auditEnd?: string | null }) =>
  !p.auditStart || !p.auditEnd || p.auditStart <= p.auditEnd;
const periodIssue = { message: 'v.dateOrder', path: ['auditEnd'] };

/** What a person enters to create a project: used by the form, the IPC contract and the CLI. */
export const ProjectInput = z
  .strictObject({
    ...projectFields,
    role: ProcessorRole.default('vehicle-manufacturer'),
    ciio: z.boolean().default(false),
    site: projectFields.site.default(''),
    auditStart: IsoDate.nullable().default(null),
    auditEnd: IsoDate.nullable().default(null),
    auditor: projectFields.auditor.default(''),
    reviewer: projectFields.reviewer.default(''),
  })
  .refine(auditPeriodInOrder, periodIssue);
export type ProjectInput = z.input<typeof ProjectInput>;
export type ProjectFields = z.output<typeof ProjectInput>;

/** A partial edit of a project (rename is `{ name }`). */
export const ProjectPatch = z.strictObject(projectFields).partial().refine(auditPeriodInOrder, periodIssue);
export type ProjectPatch = z.input<typeof ProjectPatch>;

export const PROJECT_STATUSES = ['active', 'archived'] as const;

/** The rules pack a project is assessed against; version and hash are fixed the first time it is opened. */
export const RulesPackPin = z.object({ id: z.string(), version: z.string().nullable(), contentHash: z.string().nullable() });
export type RulesPackPin = z.infer<typeof RulesPackPin>;

const projectRecord = (t: TextRules) =>
  z.object({
    id: ProjectId,
    ...projectFields,
    ...projectText(t),
    rulesPack: RulesPackPin,
    status: z.enum(PROJECT_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  });

/** A project record from elsewhere (a bundle, a snapshot in one): its text is held to the input rule. */
export const Project = projectRecord(PLAIN_TEXT);
export type Project = z.infer<typeof Project>;
/** A project as this database holds it (IPC replies): text an older version stored is kept as it is. */
export const StoredProject = projectRecord(STORED_TEXT);
