import { z } from 'zod';
import {
  CHECKLIST_AREAS,
  CONFIDENCE_LEVELS,
  FACT_NAMES,
  OPERATORS,
  PROVENANCE_TAGS,
  ROUTES,
  SOURCE_GRADES,
  SOURCE_VERSIONS,
  THRESHOLD_TYPES,
  VERIFICATION_METHODS,
  type FactName,
  type Operator,
} from './vocabulary';

/**
 * The one schema of the rules-pack format: every YAML file under rules/<pack>/ is a `RulesFile`;
 * the compiled bundle is a `RulesPack`. Both are built from the same item schemas, so a file that
 * validates here compiles, and a bundle is validated again with the same rules when it is loaded.
 * Messages are for pack authors (English); cross-file checks live in validate.ts.
 */

const textPart = (language: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `missing ${language} text` : undefined) })
    .trim()
    .min(1, `empty ${language} text`);

/** A text in both languages. A missing or empty translation is an error, in either direction. */
export const Text = z
  .strictObject({ 'zh-CN': textPart('Chinese (zh-CN)'), en: textPart('English (en)') })
  .meta({ id: 'Text', description: 'A text in Chinese (zh-CN) and English (en); both are required.' });
export type Text = z.output<typeof Text>;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable item id `<pack-id>:<name>`: never positional, never reused. */
export const ItemId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must look like <pack-id>:<name>, e.g. adsg-2026:log-03',
  )
  .meta({ id: 'ItemId', description: 'Stable item id <pack-id>:<name>; never positional, never reused.' });

/** A short lower-case name used in facts (`hr-management`, `connected-operation`). */
export const Key = z.string().regex(slug, 'must be lower-case words joined by hyphens');

/** An id of the domain reference's source register (S01 … S74, S47a). */
export const SourceId = z.string().regex(/^S\d{2}[a-z]?$/, 'must be a source register id such as S21 or S47a');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

/** Where an item comes from: the clause or parent rule, and the source register ids. */
export const Source = z
  .strictObject({ clause: Text, ids: z.array(SourceId).default([]) })
  .meta({ id: 'Source', description: 'The clause or parent rule an item rests on, and its source register ids.' });

/** The label the domain reference gives an item (`LM-03`, `EX-07`, `SA-1`, `RD-a`), for cross-reading. */
const Ref = z.string().min(1).max(20);

/** Fields every item carries: identity, lifecycle and provenance. */
const itemFields = {
  id: ItemId,
  status: z.enum(['active', 'withdrawn']).default('active'),
  source: Source,
  provenance: z.array(z.enum(PROVENANCE_TAGS)).min(1, 'needs at least one provenance tag (the first is primary)'),
  confidence: z.enum(CONFIDENCE_LEVELS),
  notes: z.array(Text).optional(),
};

/** What every item has, whatever its kind. */
export type ItemMeta = z.output<z.ZodObject<typeof itemFields>>;

/** Metadata fields that describe an item without changing what it asks: left out of its content hash. */
export const ITEM_METADATA_FIELDS = ['status', 'source', 'provenance', 'confidence', 'notes'] as const;

/** A condition over the facts, evaluated with three values (met / not met / unknown). */
export type Predicate =
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { fact: FactName; op: Operator; value: number | boolean | string }
  | { fact: FactName; op: Operator; threshold: string };

export const Predicate: z.ZodType<Predicate> = z
  .union([
    z.strictObject({
      get all() {
        return z.array(Predicate).min(1);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(Predicate).min(1);
      },
    }),
    z.strictObject({
      fact: z.enum(FACT_NAMES),
      op: z.enum(OPERATORS),
      value: z.union([z.number(), z.boolean(), z.string()]),
    }),
    z.strictObject({ fact: z.enum(FACT_NAMES), op: z.enum(OPERATORS), threshold: ItemId }),
  ])
  .meta({
    id: 'Condition',
    description: 'all/any of conditions, or a fact compared with a value or with a threshold item of the pack.',
  });

export const Note = z.strictObject({ ...itemFields, title: Text, text: Text });

export const SourceEntry = z.strictObject({
  id: SourceId,
  grade: z.enum(SOURCE_GRADES),
  location: z.string().min(1),
  supports: Text,
});

export const Role = z.strictObject({ ...itemFields, key: Key, title: Text, description: Text });

export const Behaviour = z.strictObject({
  ...itemFields,
  key: Key,
  ref: Ref.optional(),
  title: Text,
  description: Text,
  /** False for the domestic-only behaviour: nothing leaves China, so nothing is counted. */
  export: z.boolean(),
  examples: z.array(Text).default([]),
  evidence: z.array(Text).default([]),
});

export const Scenario = z.strictObject({
  ...itemFields,
  key: Key,
  title: Text,
  description: Text,
  /** One of the five scenarios of the guideline's important-data rules. */
  inGuideline: z.boolean(),
});

export const Threshold = z.strictObject({
  ...itemFields,
  title: Text,
  value: z.number().int().nonnegative(),
  unit: Text,
  counting: Text,
});

export const Rule = z.strictObject({
  ...itemFields,
  ref: Ref.optional(),
  title: Text,
  statement: Text,
  /** The condition under which the rule applies; absent for principles the engine cites (counting, no splitting). */
  when: Predicate.optional(),
});

const DecisionStep = z.union([
  z.strictObject({
    outcome: z.enum(['not-an-export', 'security-assessment', 'standard-contract-or-certification']),
    anyOf: z.array(ItemId).min(1),
  }),
  z.strictObject({ outcome: z.literal('exempt'), exemptions: z.enum(['claimed', 'automatic']) }),
]);
export type DecisionStep = z.output<typeof DecisionStep>;

/** The decision order (reference §2.1): the first step whose condition is met decides. */
export const Decision = z.strictObject({
  ...itemFields,
  title: Text,
  statement: Text,
  /** Principle cited when the organisation's totals are counted. */
  counting: ItemId,
  /** Principle cited when flow outcomes are combined into the organisation's outcome. */
  aggregation: ItemId,
  steps: z.array(DecisionStep).min(1),
});

export const Method = z.strictObject({
  ...itemFields,
  route: z.enum(['security-assessment', 'standard-contract', 'certification']),
  title: Text,
  summary: Text,
  rules: z.array(ItemId).default([]),
  thresholds: z.array(ItemId).default([]),
  documents: z.array(Text).min(1),
  steps: z.array(Text).min(1),
  validity: Text,
  timeLimits: z.array(Text).default([]),
});

export const ExemptionCondition = z.strictObject({
  key: Key,
  text: Text,
  /** Present when the engine derives the condition from the facts; absent when the user attests it. */
  when: Predicate.optional(),
});

export const Exemption = z.strictObject({
  ...itemFields,
  key: Key,
  ref: Ref.optional(),
  title: Text,
  description: Text,
  /** Evaluated for every flow from the facts alone (all conditions derived); never claimed. */
  automatic: z.boolean().default(false),
  conditions: z.array(ExemptionCondition).min(1),
  evidence: z.array(Text).min(1),
  /** The prior report or filing of the automotive "fast channel" exemptions. */
  fastChannel: z.strictObject({ priorReportTo: Text, basis: Text, timing: Text }).optional(),
});

/**
 * What holding an item's data means: `important-data` makes a flow carry important data;
 * `general-data` lists data as general (an FTZ general-data list, for the FTZ exemption);
 * `reference-only` is kept for cross-reading (superseded, or handled by another rule) and is not asked.
 */
export const IMPORTANT_DATA_EFFECTS = ['important-data', 'general-data', 'reference-only'] as const;

export const ImportantDataItem = z.strictObject({
  ...itemFields,
  ref: Ref.optional(),
  effect: z.enum(IMPORTANT_DATA_EFFECTS).default('important-data'),
  scenarios: z.array(ItemId).min(1),
  subScenario: Text.optional(),
  category: Text.optional(),
  title: Text,
  criterion: Text,
  thresholdType: z.enum(THRESHOLD_TYPES),
  thresholdValue: Text.nullable().default(null),
  exemptions: z.array(ItemId).default([]),
  preconditions: z.array(Text).default([]),
  related: z.array(ItemId).default([]),
  sourceVersion: z.enum(SOURCE_VERSIONS),
  sourceLocator: z.string().nullable().default(null),
  /** Checked against the official text. False for everything until the official PDF is read. */
  verified: z.boolean(),
});

export const ChecklistSection = z.strictObject({ id: ItemId, title: Text, description: Text.optional() });

export const Checklist = z.strictObject({
  id: ItemId,
  area: z.enum(CHECKLIST_AREAS),
  title: Text,
  description: Text,
  sections: z.array(ChecklistSection).min(1),
});

export const ChecklistItem = z.strictObject({
  ...itemFields,
  ref: Ref.optional(),
  section: ItemId,
  requirement: Text,
  verify: z.array(z.enum(VERIFICATION_METHODS)).min(1),
  evidence: z.array(Text).min(1),
  /** For documents: the routes that need it, with an optional qualifier ("if geodata"). */
  routes: z.array(z.strictObject({ route: z.enum(ROUTES), when: Text.optional() })).optional(),
  related: z.array(ItemId).default([]),
});

const GuidelineInfo = z.strictObject({
  title: Text,
  issuers: z.array(Text).min(1),
  issued: IsoDate,
  published: IsoDate,
  effective: Text,
});

/**
 * A pack version: MAJOR.MINOR.PATCH, optionally with a pre-release label (`1.1.0-example`,
 * `2.0.0-draft.1`). A version with a label is never chosen by default for a new project.
 */
export const PackVersion = z
  .string()
  .regex(
    /^\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
    'must be a version as MAJOR.MINOR.PATCH, optionally with a pre-release label (1.1.0-example)',
  );

const packFields = {
  id: Key,
  version: PackVersion,
  /**
   * A demonstration pack (the sample data): shown as an example, never as an official update.
   * Optional without a default, so packs that do not say it keep their content hash.
   */
  example: z.boolean().optional(),
  title: Text,
  guideline: GuidelineInfo,
  /** The pack's own statement of how its texts were obtained (paraphrase, reconstruction). */
  reconstruction: Text,
  provenanceTags: z.array(z.strictObject({ tag: z.enum(PROVENANCE_TAGS), meaning: Text })),
  confidenceLevels: z.array(z.strictObject({ level: z.enum(CONFIDENCE_LEVELS), meaning: Text })),
  notes: z.array(Note).default([]),
};

export const PackFile = z.strictObject({ kind: z.literal('pack'), ...packFields });
export const SourcesFile = z.strictObject({ kind: z.literal('sources'), sources: z.array(SourceEntry).min(1) });
export const ScopeFile = z.strictObject({
  kind: z.literal('scope'),
  roles: z.array(Role).default([]),
  behaviours: z.array(Behaviour).default([]),
  scenarios: z.array(Scenario).default([]),
});
export const DeterminationFile = z.strictObject({
  kind: z.literal('determination'),
  thresholds: z.array(Threshold).default([]),
  rules: z.array(Rule).default([]),
  decision: Decision.optional(),
  methods: z.array(Method).default([]),
});
export const ExemptionsFile = z.strictObject({ kind: z.literal('exemptions'), exemptions: z.array(Exemption).min(1) });
export const ImportantDataFile = z.strictObject({
  kind: z.literal('important-data'),
  items: z.array(ImportantDataItem).min(1),
});
export const ChecklistFile = z.strictObject({
  kind: z.literal('checklist'),
  checklist: Checklist,
  items: z.array(ChecklistItem).min(1),
});

/** Any YAML file of a pack folder; `kind` says which part of the pack it holds. */
export const RulesFile = z
  .discriminatedUnion('kind', [
    PackFile,
    SourcesFile,
    ScopeFile,
    DeterminationFile,
    ExemptionsFile,
    ImportantDataFile,
    ChecklistFile,
  ])
  .meta({
    title: 'ADSG Workbench rules-pack file',
    description:
      'One YAML file of a rules pack (rules/<pack-id>/). Generated from shared/rules/schema.ts; do not edit by hand.',
  });
export type RulesFile = z.output<typeof RulesFile>;
export type RulesFileInput = z.input<typeof RulesFile>;

/** The pack assembled from its files, before hashing. */
export const PackContent = z.strictObject({
  format: z.literal(1),
  ...packFields,
  sources: z.array(SourceEntry),
  roles: z.array(Role),
  behaviours: z.array(Behaviour),
  scenarios: z.array(Scenario),
  thresholds: z.array(Threshold),
  rules: z.array(Rule),
  decision: Decision,
  methods: z.array(Method),
  exemptions: z.array(Exemption),
  importantData: z.array(ImportantDataItem),
  checklists: z.array(Checklist.extend({ items: z.array(ChecklistItem) })),
});
export type PackContent = z.output<typeof PackContent>;

/** A compiled pack: the content plus a SHA-256 per item and over the whole (canonical JSON). */
export const RulesPack = PackContent.extend({
  itemHashes: z.record(ItemId, Sha256),
  contentHash: Sha256,
});
export type RulesPack = z.output<typeof RulesPack>;

export type Exemption = z.output<typeof Exemption>;
export type Rule = z.output<typeof Rule>;
export type Threshold = z.output<typeof Threshold>;
export type ChecklistItem = z.output<typeof ChecklistItem>;
export type ImportantDataItem = z.output<typeof ImportantDataItem>;
