import { containerIds, packItems, type ItemArea } from './items';
import type { PackProblem } from './problems';
import type { PackContent, Predicate } from './schema';
import { FACT_TYPES } from './vocabulary';

/**
 * The checks one file cannot make alone: ids unique and prefixed with the pack id, references that
 * resolve to an item of the right area, source ids in the register, provenance tags described,
 * conditions that compare each fact with a value of its type, and an example pack marked as a
 * pre-release. Translations are complete by schema.
 */
export function checkPack(pack: PackContent): PackProblem[] {
  const problems: PackProblem[] = [];
  const items = packItems(pack);
  const areaOf = new Map<string, ItemArea | 'container'>();
  const statusOf = new Map(items.map(({ id, status }) => [id, status]));
  const report = (item: string | undefined, path: string, message: string) => problems.push({ item, path, message });

  for (const id of [...items.map((i) => i.id), ...containerIds(pack)]) {
    if (!id.startsWith(`${pack.id}:`)) report(id, 'id', `id must start with the pack id "${pack.id}:"`);
    if (areaOf.has(id)) report(id, 'id', 'duplicate id: ids are unique across the whole pack');
    else areaOf.set(id, items.find((i) => i.id === id)?.area ?? 'container');
  }

  /** Checks that `target` is an item of one of `areas` (any item when `areas` is empty). */
  const resolves = (from: string, path: string, target: string, areas: readonly ItemArea[], activeOnly = false) => {
    const area = areaOf.get(target);
    if (area === undefined || area === 'container') report(from, path, `refers to "${target}", which does not exist`);
    else if (areas.length > 0 && !areas.includes(area)) {
      report(from, path, `refers to "${target}", which is in ${area}, not ${areas.join(' or ')}`);
    } else if (activeOnly && statusOf.get(target) === 'withdrawn') {
      report(from, path, `refers to "${target}", which is withdrawn`);
    }
  };

  // An example carries a pre-release label, so it can never become the default version of its pack.
  if (pack.example && !pack.version.includes('-')) {
    report(undefined, 'version', 'an example pack needs a pre-release label in its version, such as 1.1.0-example');
  }
  uniqueKeys(pack, report);
  checkDecision(pack, resolves, report);
  const checkCondition = (from: string, path: string, predicate: Predicate) =>
    checkPredicate(
      pack,
      predicate,
      path,
      (p, message) => report(from, p, message),
      (p, target) => resolves(from, p, target, ['thresholds'], true),
    );
  for (const rule of pack.rules) if (rule.when) checkCondition(rule.id, 'when', rule.when);
  for (const exemption of pack.exemptions) {
    exemption.conditions.forEach((condition, i) => {
      if (condition.when) checkCondition(exemption.id, `conditions[${i}].when`, condition.when);
      else if (exemption.automatic) {
        report(exemption.id, `conditions[${i}]`, 'an automatic exemption can only have conditions derived with `when`');
      }
    });
  }
  for (const method of pack.methods) {
    method.rules.forEach((id, i) => resolves(method.id, `rules[${i}]`, id, ['rules']));
    method.thresholds.forEach((id, i) => resolves(method.id, `thresholds[${i}]`, id, ['thresholds']));
  }
  for (const entry of pack.importantData) {
    entry.scenarios.forEach((id, i) => resolves(entry.id, `scenarios[${i}]`, id, ['scenarios']));
    entry.exemptions.forEach((id, i) => resolves(entry.id, `exemptions[${i}]`, id, ['exemptions']));
    entry.related.forEach((id, i) => resolves(entry.id, `related[${i}]`, id, []));
  }
  for (const checklist of pack.checklists) {
    const sections = new Set(checklist.sections.map((s) => s.id));
    for (const entry of checklist.items) {
      if (!sections.has(entry.section)) {
        report(entry.id, 'section', `refers to section "${entry.section}", which is not a section of ${checklist.id}`);
      }
      entry.related.forEach((id, i) => resolves(entry.id, `related[${i}]`, id, []));
    }
  }
  checkProvenance(pack, items, report);
  return problems;
}

type Report = (item: string | undefined, path: string, message: string) => void;
type Resolves = (from: string, path: string, target: string, areas: readonly ItemArea[], activeOnly?: boolean) => void;

/** Fact keys (roles, behaviours, scenarios, exemptions, conditions) must be unique where they are used. */
function uniqueKeys(pack: PackContent, report: Report): void {
  const lists: [string, readonly { id: string; key: string }[]][] = [
    ['roles', pack.roles],
    ['behaviours', pack.behaviours],
    ['scenarios', pack.scenarios],
    ['exemptions', pack.exemptions],
  ];
  for (const [name, list] of lists) {
    const seen = new Set<string>();
    for (const { id, key } of list) {
      if (seen.has(key)) report(id, 'key', `duplicate key "${key}" in ${name}`);
      seen.add(key);
    }
  }
  for (const exemption of pack.exemptions) {
    const seen = new Set<string>();
    exemption.conditions.forEach(({ key }, i) => {
      if (seen.has(key)) report(exemption.id, `conditions[${i}].key`, `duplicate condition key "${key}"`);
      seen.add(key);
    });
  }
}

function checkDecision(pack: PackContent, resolves: Resolves, report: Report): void {
  const { decision } = pack;
  resolves(decision.id, 'counting', decision.counting, ['rules']);
  resolves(decision.id, 'aggregation', decision.aggregation, ['rules']);
  decision.steps.forEach((step, i) => {
    if (!('anyOf' in step)) return;
    step.anyOf.forEach((id, j) => {
      resolves(decision.id, `steps[${i}].anyOf[${j}]`, id, ['rules'], true);
      if (pack.rules.some((rule) => rule.id === id && !rule.when)) {
        report(decision.id, `steps[${i}].anyOf[${j}]`, `rule "${id}" has no condition (when) to decide with`);
      }
    });
  });
}

/** A condition compares a fact with a value of the fact's type (or a threshold, for counts). */
function checkPredicate(
  pack: PackContent,
  predicate: Predicate,
  path: string,
  report: (path: string, message: string) => void,
  resolvesThreshold: (path: string, target: string) => void,
): void {
  if ('all' in predicate || 'any' in predicate) {
    const [key, children] = 'all' in predicate ? ['all', predicate.all] : ['any', predicate.any];
    children.forEach((child, i) => checkPredicate(pack, child, `${path}.${key}[${i}]`, report, resolvesThreshold));
    return;
  }
  const type = FACT_TYPES[predicate.fact];
  if ('threshold' in predicate) {
    if (type === 'count') resolvesThreshold(`${path}.threshold`, predicate.threshold);
    else report(`${path}.threshold`, `${predicate.fact} is not a count; it cannot be compared with a threshold`);
    return;
  }
  const { value, op } = predicate;
  const orderable = op !== 'eq' && op !== 'ne';
  if (type === 'count' && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
    report(`${path}.value`, `${predicate.fact} is a count; compare it with a whole number`);
  } else if (type === 'boolean' && (typeof value !== 'boolean' || orderable)) {
    report(path, `${predicate.fact} is true or false; use eq or ne with true or false`);
  } else if (type === 'behaviour' || type === 'scenario') {
    const keys = (type === 'behaviour' ? pack.behaviours : pack.scenarios).map((entry) => entry.key);
    if (orderable || typeof value !== 'string' || !keys.includes(value)) {
      report(`${path}.value`, `${predicate.fact} is one of ${keys.join(', ')}; use eq or ne with one of them`);
    }
  }
}

/** Every cited source is in the register, and every tag or level used is described by the pack. */
function checkProvenance(pack: PackContent, items: ReturnType<typeof packItems>, report: Report): void {
  const register = new Set<string>();
  for (const { id } of pack.sources) {
    if (register.has(id)) report(undefined, `sources.${id}`, `source ${id} is registered twice`);
    register.add(id);
  }
  const tags = new Set(pack.provenanceTags.map((t) => t.tag));
  const levels = new Set(pack.confidenceLevels.map((l) => l.level));
  for (const { id, item } of items) {
    const { source, provenance, confidence } = item;
    source.ids.forEach((sourceId, i) => {
      if (!register.has(sourceId)) report(id, `source.ids[${i}]`, `source ${sourceId} is not in the source register`);
    });
    provenance.forEach((tag, i) => {
      if (!tags.has(tag)) report(id, `provenance[${i}]`, `provenance tag ${tag} is not described in the pack`);
    });
    if (!levels.has(confidence)) report(id, 'confidence', `confidence ${confidence} is not described in the pack`);
  }
}
