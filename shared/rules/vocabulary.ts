/**
 * The closed vocabularies of the rules-pack format. Content (rules/<pack>/) chooses among these;
 * adding a value here is a format change, adding content is not.
 */

/** Where a statement comes from (domain reference §0.2). The first tag of an item is its primary one. */
export const PROVENANCE_TAGS = [
  '2026-SUM',
  '2026-FRAG',
  '2025-DRAFT',
  '2021-PROV',
  'PARENT',
  'PARENT-K',
  'STD',
  'INFER',
] as const;
export type ProvenanceTag = (typeof PROVENANCE_TAGS)[number];

/** H: several good sources agree; M: one good source; L: one weak source or an inference. */
export const CONFIDENCE_LEVELS = ['H', 'M', 'L'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Grades of the source register (A official … D scrambled copy). */
export const SOURCE_GRADES = ['A', 'A-', 'B', 'C', 'D'] as const;

/** What the determination engine can conclude about a flow or an organisation. */
export const OUTCOMES = [
  'security-assessment',
  'standard-contract-or-certification',
  'exempt',
  'not-an-export',
  'needs-information',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type DecidedOutcome = Exclude<Outcome, 'needs-information'>;

/**
 * How strict each decided outcome is, for "the strictest flow decides the organisation" and for
 * the property that more data never yields a less strict outcome.
 */
export const STRICTNESS: Record<DecidedOutcome, number> = {
  'not-an-export': 0,
  exempt: 1,
  'standard-contract-or-certification': 2,
  'security-assessment': 3,
};

/** The routes whose documents differ (standard contract and certification are alternatives). */
export const ROUTES = ['security-assessment', 'standard-contract', 'certification', 'exempt'] as const;

/** How an auditor checks a checklist item. */
export const VERIFICATION_METHODS = ['interview', 'document-review', 'technical-test', 'observation'] as const;

/** The checklist areas: the four protection areas of Part 4 and the export process of Part 3. */
export const CHECKLIST_AREAS = [
  'management-system',
  'technical-protection',
  'log-management',
  'emergency-response',
  'export-process',
] as const;
export type ChecklistArea = (typeof CHECKLIST_AREAS)[number];

/** Kinds of identification criterion of an important-data item (template of reference §3.7). */
export const THRESHOLD_TYPES = [
  'none',
  'precision',
  'scale',
  'area',
  'subject',
  'purpose',
  'other',
  'unknown',
] as const;

/** Which text an important-data item was taken from. */
export const SOURCE_VERSIONS = ['2026', '2025-draft', '2021', 'bj-ftz-2024', 'sh-lingang-2024', 'inference'] as const;

/**
 * The facts a rule's condition may read, with their type. `organization.individuals` and
 * `organization.sensitiveIndividuals` are the organisation's cumulative totals over all export
 * flows (counted since 1 January): thresholds are read against these, so splitting a transfer into
 * several flows never escapes one.
 */
export const FACT_TYPES = {
  'organization.ciio': 'boolean',
  'organization.individuals': 'count',
  'organization.sensitiveIndividuals': 'count',
  'flow.behaviour': 'behaviour',
  'flow.scenario': 'scenario',
  'flow.individuals': 'count',
  'flow.sensitiveIndividuals': 'count',
  'flow.importantData': 'boolean',
  'flow.assessmentRequiredByOtherRule': 'boolean',
} as const;
export type FactName = keyof typeof FACT_TYPES;
export const FACT_NAMES = Object.keys(FACT_TYPES) as [FactName, ...FactName[]];

/** Comparison operators of a condition. */
export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type Operator = (typeof OPERATORS)[number];
