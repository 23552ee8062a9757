import { diffChars, diffJson, diffWords, type ChangeObject } from 'diff';
import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import type { Bilingual, Locale } from '../i18n/locale';
import { ITEM_AREAS, packItems, type ItemArea, type PackItem } from './items';
import type { ItemMeta, RulesPack } from './schema';

/**
 * What changed between two versions of a rules pack, item by item: the same pure function runs in
 * the CLI (`adsg rules diff`), in core (the upgrade preview) and in the renderer (the diff beside
 * an answer to re-confirm). Text fields get a word-level diff in both languages; Chinese is split
 * into words with `Intl.Segmenter` (characters where the runtime has none).
 */

/** How a field changed, most consequential first: the first three can move a determination. */
export const CHANGE_KINDS = ['threshold', 'decision-order', 'criteria', 'status', 'text', 'sources', 'other'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One run of a word-level (or line-level) diff. */
export const DiffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;

const BilingualText = z.object({ 'zh-CN': z.string(), en: z.string() });
const Primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One top-level field of an item that differs between the two versions. */
export const FieldChange = z.object({
  field: z.string(),
  kind: z.enum(CHANGE_KINDS),
  /** For a text (or a list of texts): a word-level diff in each language. */
  text: z.object({ 'zh-CN': z.array(DiffPart), en: z.array(DiffPart) }).optional(),
  /** For any other value: a line diff of its JSON. */
  lines: z.array(DiffPart).optional(),
  /** For a single number, string or yes/no: the value before and after (a threshold's 100000 → 200000). */
  before: Primitive.optional(),
  after: Primitive.optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const ITEM_CHANGES = ['added', 'removed', 'changed', 'unchanged'] as const;

/** One item's change between the versions. */
export const ItemChange = z.object({
  id: z.string(),
  area: z.enum(ITEM_AREAS as [ItemArea, ...ItemArea[]]),
  change: z.enum(ITEM_CHANGES),
  /** For a removed item: withdrawn in the new version, or no longer in it at all. */
  removal: z.enum(['withdrawn', 'absent']).optional(),
  /** The item's content hash differs, so an answer to it must be re-confirmed (metadata alone keeps it). */
  contentChanged: z.boolean(),
  /** The change can move a determination: a threshold, the decision order, a condition, or such an item added or removed. */
  determining: z.boolean(),
  label: BilingualText,
  ref: z.string().optional(),
  fields: z.array(FieldChange),
});
export type ItemChange = z.infer<typeof ItemChange>;

/** Which pack a side of the diff is. */
export const PackSide = z.object({
  id: z.string(),
  version: z.string(),
  contentHash: z.string(),
  title: BilingualText,
  example: z.boolean(),
});
export type PackSide = z.infer<typeof PackSide>;

/** The whole comparison: determining changes first, then every area. */
export const PackDiff = z.object({
  from: PackSide,
  to: PackSide,
  /** Changes that can move determinations, most consequential first (also listed in their area). */
  determining: z.array(ItemChange),
  areas: z.array(
    z.object({
      area: z.enum(ITEM_AREAS as [ItemArea, ...ItemArea[]]),
      added: z.array(ItemChange),
      removed: z.array(ItemChange),
      changed: z.array(ItemChange),
      /** Ids of the items that are the same in both versions. */
      unchanged: z.array(z.string()),
    }),
  ),
  counts: z.object({ added: z.number(), removed: z.number(), changed: z.number(), reconfirm: z.number(), unchanged: z.number() }),
});
export type PackDiff = z.infer<typeof PackDiff>;

/** Areas whose items decide the management method: adding or removing one can move a determination. */
const DETERMINING_AREAS: readonly ItemArea[] = ['thresholds', 'rules', 'decision', 'exemptions', 'important-data'];

/** Fields whose change is a threshold, decision-order or criteria change, by area. */
const FIELD_KINDS: Partial<Record<ItemArea, Record<string, ChangeKind>>> = {
  thresholds: { value: 'threshold' },
  decision: { steps: 'decision-order', counting: 'decision-order', aggregation: 'decision-order' },
  rules: { when: 'criteria' },
  exemptions: { conditions: 'criteria', automatic: 'criteria' },
  behaviours: { export: 'criteria' },
  'important-data': {
    thresholdType: 'threshold',
    thresholdValue: 'threshold',
    criterion: 'criteria',
    effect: 'criteria',
    scenarios: 'criteria',
    exemptions: 'criteria',
    preconditions: 'criteria',
  },
};
const SOURCE_FIELDS = new Set(['source', 'provenance', 'confidence', 'notes', 'sourceVersion', 'sourceLocator', 'verified']);
const rank = (kind: ChangeKind) => CHANGE_KINDS.indexOf(kind);

/** The two packs compared, item by item (see `PackDiff`). Pure. */
export function diffPacks(from: RulesPack, to: RulesPack): PackDiff {
  const before = new Map(packItems(from).map((i) => [i.id, i]));
  const after = new Map(packItems(to).map((i) => [i.id, i]));
  const changes: ItemChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const change = compareItem(before.get(id), after.get(id), from.itemHashes[id], to.itemHashes[id]);
    if (change) changes.push(change);
  }
  const areas = ITEM_AREAS.map((area) => {
    const inArea = changes.filter((c) => c.area === area);
    const of = (kind: ItemChange['change']) => inArea.filter((c) => c.change === kind);
    return { area, added: of('added'), removed: of('removed'), changed: of('changed'), unchanged: of('unchanged').map((c) => c.id) };
  }).filter((a) => a.added.length + a.removed.length + a.changed.length + a.unchanged.length > 0);
  const count = (kind: ItemChange['change']) => changes.filter((c) => c.change === kind).length;
  return {
    from: side(from),
    to: side(to),
    determining: changes.filter((c) => c.determining).sort(byConsequence),
    areas,
    counts: {
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      reconfirm: changes.filter((c) => c.change === 'changed' && c.contentChanged).length,
      unchanged: count('unchanged'),
    },
  };
}

/**
 * One item across two versions; `undefined` when it is in neither as an active item (withdrawn
 * in both, or withdrawn and then dropped). Hashes are the packs' per-item content hashes.
 */
export function compareItem(a: PackItem | undefined, b: PackItem | undefined, hashA: string | undefined, hashB: string | undefined): ItemChange | undefined {
  const activeA = a?.status === 'active' ? a : undefined;
  const activeB = b?.status === 'active' ? b : undefined;
  const shown = activeB ?? activeA;
  if (!shown) return undefined;
  const base = { id: shown.id, area: shown.area, label: labelOf(shown.item), ...refOf(shown.item) };
  if (!activeA) return { ...base, change: 'added', contentChanged: true, determining: DETERMINING_AREAS.includes(shown.area), fields: [] };
  if (!activeB) {
    return { ...base, change: 'removed', removal: b ? 'withdrawn' : 'absent', contentChanged: true, determining: DETERMINING_AREAS.includes(shown.area), fields: [] };
  }
  const fields = diffFields(activeB.area, activeA.item, activeB.item);
  return {
    ...base,
    change: fields.length > 0 ? 'changed' : 'unchanged',
    contentChanged: hashA !== hashB,
    determining: fields.some((f) => rank(f.kind) <= rank('criteria')),
    fields,
  };
}

/** The top-level fields that differ between two versions of an item, most consequential first. */
export function diffFields(area: ItemArea, a: ItemMeta, b: ItemMeta): FieldChange[] {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((k) => k !== 'id');
  return keys
    .filter((key) => canonicalJson(left[key] ?? null) !== canonicalJson(right[key] ?? null))
    .map((key) => fieldChange(area, key, left[key], right[key]))
    .sort((x, y) => rank(x.kind) - rank(y.kind));
}

function fieldChange(area: ItemArea, field: string, before: unknown, after: unknown): FieldChange {
  const kind = FIELD_KINDS[area]?.[field] ?? (field === 'status' ? 'status' : SOURCE_FIELDS.has(field) ? 'sources' : undefined);
  const texts = asTexts(before, after);
  if (texts) {
    return { field, kind: kind ?? 'text', text: { 'zh-CN': diffText(texts[0]['zh-CN'], texts[1]['zh-CN'], 'zh-CN'), en: diffText(texts[0].en, texts[1].en, 'en') } };
  }
  const primitive = (v: unknown) => v === undefined || v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (primitive(before) && primitive(after)) {
    return { field, kind: kind ?? 'other', before: (before ?? null) as FieldChange['before'], after: (after ?? null) as FieldChange['after'] };
  }
  return { field, kind: kind ?? 'other', lines: parts(diffJson((before ?? null) as object, (after ?? null) as object)) };
}

const isText = (v: unknown): v is Bilingual =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as Bilingual)['zh-CN'] === 'string' && typeof (v as Bilingual).en === 'string';
const isTextList = (v: unknown): v is Bilingual[] => Array.isArray(v) && v.every(isText);

/** A text field (or a list of texts, one per line) on both sides, a missing side read as empty. */
function asTexts(before: unknown, after: unknown): [Bilingual, Bilingual] | undefined {
  const empty = { 'zh-CN': '', en: '' };
  const join = (list: Bilingual[]) => ({ 'zh-CN': list.map((t) => t['zh-CN']).join('\n'), en: list.map((t) => t.en).join('\n') });
  if ((isText(before) || before === undefined) && (isText(after) || after === undefined)) {
    return before === undefined && after === undefined ? undefined : [before ?? empty, after ?? empty];
  }
  if ((isTextList(before) || before === undefined) && (isTextList(after) || after === undefined)) {
    return [join(before ?? []), join(after ?? [])];
  }
  return undefined;
}

let segmenter: Intl.Segmenter | null | undefined;

/** A word-level diff of one language's text (Chinese segmented into words where the runtime can). */
export function diffText(before: string, after: string, locale: Locale): DiffPart[] {
  if (locale === 'en') return parts(diffWords(before, after));
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  return parts(segmenter ? diffWords(before, after, { intlSegmenter: segmenter }) : diffChars(before, after));
}

const parts = (changes: ChangeObject<string>[]): DiffPart[] =>
  changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

/** How an auditor knows an item: its reference label and title (a checklist item by its requirement). */
function labelOf(item: ItemMeta): Bilingual {
  const fields = item as unknown as Record<string, unknown>;
  const text = [fields.title, fields.requirement, fields.text].find(isText);
  return text ? { 'zh-CN': text['zh-CN'], en: text.en } : { 'zh-CN': item.id, en: item.id };
}

function refOf(item: ItemMeta): { ref?: string } {
  const ref = (item as unknown as { ref?: unknown }).ref;
  return typeof ref === 'string' ? { ref } : {};
}

function side(pack: RulesPack): PackSide {
  return { id: pack.id, version: pack.version, contentHash: pack.contentHash, title: pack.title, example: pack.example === true };
}

/** Its most consequential field; an added or removed determining item comes right after condition changes. */
const consequence = (c: ItemChange) => (c.change === 'changed' ? Math.min(...c.fields.map((f) => rank(f.kind))) : rank('criteria') + 0.5);

function byConsequence(a: ItemChange, b: ItemChange): number {
  return consequence(a) - consequence(b) || ITEM_AREAS.indexOf(a.area) - ITEM_AREAS.indexOf(b.area) || a.id.localeCompare(b.id);
}
