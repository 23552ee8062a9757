import { canonicalJson } from '../../../shared/canonical-json';
import { ENTITY_NAMES, type EntityKind } from '../../../shared/i18n/integrity-messages';
import { shown } from '../bundles/errors';
import { problemOf, type IntegrityProblem } from './problems';
import { COLLECTIONS, type ProjectState, type RawRecord } from './state';

/** A field's value as compared: absent and null are the same (columns are NULL, JSON omits undefined); link sets are unordered. */
function comparable(field: string, value: unknown, entity: EntityKind): string {
  if (entity === 'evidence' && field === 'itemIds' && Array.isArray(value)) return canonicalJson([...(value as unknown[])].map(String).sort());
  return canonicalJson(value ?? null);
}

/** The first field (in the stored record's order, then the trail's) whose value differs, with both values. */
function firstFieldDifference(entity: EntityKind, stored: RawRecord, expected: RawRecord): { field: string; stored: string; expected: string } | null {
  for (const field of new Set([...Object.keys(stored), ...Object.keys(expected)])) {
    const a = comparable(field, stored[field], entity);
    const b = comparable(field, expected[field], entity);
    if (a !== b) return { field, stored: a, expected: b };
  }
  return null;
}

/**
 * Every difference between the state the trail replays to and the state stored, as problems
 * naming entity, id and field (the values shortened: they are whatever the database holds).
 * Entities are compared in a fixed order (project, flows, questionnaire, checklist, evidence,
 * findings, overrides), records in the order the trail first saw them.
 */
export function stateDifferences(expected: ProjectState, stored: ProjectState): IntegrityProblem[] {
  const out: IntegrityProblem[] = [];
  const compare = (entity: EntityKind, id: string, want: RawRecord | undefined, have: RawRecord | undefined) => {
    const base = { entity, entityName: ENTITY_NAMES[entity], id: shown(id, 80) };
    if (want && !have) out.push(problemOf('state-missing', base));
    else if (!want && have) out.push(problemOf('state-extra', base));
    else if (want && have) {
      const d = firstFieldDifference(entity, have, want);
      if (d) out.push(problemOf('state-differs', { ...base, field: shown(d.field, 60), stored: shown(d.stored, 80), expected: shown(d.expected, 80) }));
    }
  };
  const projectId = String(expected.project?.id ?? stored.project?.id ?? '');
  compare('project', projectId, expected.project ?? undefined, stored.project ?? undefined);
  for (const [entity, name] of COLLECTIONS) {
    const want = expected[name];
    const have = stored[name];
    for (const [id, record] of want) compare(entity, id, record, have.get(id));
    for (const [id, record] of have) if (!want.has(id)) compare(entity, id, undefined, record);
  }
  return out;
}
