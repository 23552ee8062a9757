import type { ChangeKind } from '../../../shared/domain/signing';
import { SigningError } from './errors';
import type { PdfDocument } from './pdf/document';
import { isDict, isName, type PdfDict, type PdfObject, type PdfRef } from './pdf/objects';

/** What the objects of one revision are part of, for judging and naming what a later one changed. */
export interface ObjectRoles {
  /** Every object reachable from the trailer, with the part of the document it belongs to. */
  readonly roles: ReadonlyMap<number, ChangeKind>;
  /** Objects referenced but absent or free in this revision, with the role the reference gives them. */
  readonly dangling: ReadonlyMap<number, ChangeKind>;
  /** Arrays a page holds by reference under /Annots. */
  readonly annotsArrays: ReadonlySet<number>;
  /** The document security store (/DSS, validation data added after signing) and what it references. */
  readonly dss: ReadonlySet<number>;
}

/**
 * How many values the walks of one verification may visit. Each walk is linear in the revision it
 * reads; the budget bounds their sum, so a hostile file with many large revisions is refused
 * rather than keeping the worker busy.
 */
export class WalkBudget {
  constructor(private remaining: number) {}

  spend(count = 1): void {
    this.remaining -= count;
    if (this.remaining < 0) throw new SigningError('invalid-pdf', 'Malformed PDF: too many objects to check.');
  }
}

const CATALOG_ROLES: Record<string, ChangeKind> = {
  Pages: 'page',
  AcroForm: 'form',
  Names: 'names',
  AF: 'embedded-files',
  Metadata: 'metadata',
  DSS: 'signature',
};
const PAGE_ROLES: Record<string, ChangeKind> = { Contents: 'page-content', Resources: 'page-resources', Annots: 'annotations' };

/** The role of an object reached from a `parent` object under its entry `key`. */
export function childRole(parent: ChangeKind, key: string | undefined): ChangeKind {
  if (parent === 'catalog') return (key && CATALOG_ROLES[key]) || 'catalog';
  if (parent === 'page') return (key && PAGE_ROLES[key]) || 'page';
  if (parent === 'names') return key === 'EmbeddedFiles' ? 'embedded-files' : 'names';
  return parent;
}

/** What an object says it is overrides where it was found (a page reached from a widget is a page). */
function refine(role: ChangeKind, value: PdfObject): ChangeKind {
  const dict = isDict(value) ? value : typeof value === 'object' && value?.kind === 'stream' ? value.dict : undefined;
  if (!dict) return role;
  const type = dict.entries.get('Type');
  if (isName(type, 'Page') || isName(type, 'Pages')) return 'page';
  if (isName(type, 'EmbeddedFile') || isName(type, 'Filespec')) return 'embedded-files';
  if (isName(type, 'Sig') || ((role === 'form' || role === 'annotations') && isName(dict.entries.get('FT'), 'Sig'))) return 'signature';
  return role;
}

/**
 * Walks a revision from its trailer, breadth first, each object once, giving each the role of
 * the first path that reaches it (catalog → /Pages → page → /Contents is page content, and so on).
 * @throws SigningError `invalid-pdf` when an object cannot be read or the budget runs out.
 */
export function objectRoles(doc: PdfDocument, budget: WalkBudget): ObjectRoles {
  const roles = new Map<number, ChangeKind>();
  const dangling = new Map<number, ChangeKind>();
  const annotsArrays = new Set<number>();
  const dss = new Set<number>();
  const queue: { ref: PdfRef; role: ChangeKind; inDss: boolean }[] = [];

  const reach = (ref: PdfRef, role: ChangeKind, inDss: boolean): void => {
    const entry = doc.xref.entries.get(ref.num);
    if (entry === undefined || entry === 'free' || entry.gen !== ref.gen) {
      if (!dangling.has(ref.num)) dangling.set(ref.num, role);
    } else if (!roles.has(ref.num)) {
      roles.set(ref.num, role); // provisional, so a second path does not queue it again
      queue.push({ ref, role, inDss });
    }
  };
  /** Every reference inside a direct value, with the top-level key it sits under. */
  const scan = (owner: PdfDict | undefined, items: PdfObject[] | undefined, role: ChangeKind, inDss: boolean): void => {
    // `top`: the value is the entry itself, not something nested inside it.
    const stack: { value: PdfObject; key: string | undefined; top: boolean }[] = [];
    if (owner) for (const [key, value] of owner.entries) stack.push({ value, key, top: true });
    if (items) for (const value of items) stack.push({ value, key: undefined, top: false });
    while (stack.length > 0) {
      budget.spend();
      const { value, key, top } = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      if (value.kind === 'ref') {
        const nested = inDss || (role === 'catalog' && key === 'DSS');
        if (role === 'page' && key === 'Annots' && top) annotsArrays.add(value.num);
        reach(value, childRole(role, key), nested);
        if (nested) dss.add(value.num);
      } else if (value.kind === 'array') for (const item of value.items) stack.push({ value: item, key, top: false });
      else if (value.kind === 'dict') for (const nested of value.entries.values()) stack.push({ value: nested, key, top: false });
      else if (value.kind === 'stream') for (const nested of value.dict.entries.values()) stack.push({ value: nested, key, top: false });
    }
  };

  for (const [key, value] of doc.trailer.entries) {
    scan(undefined, [value], key === 'Root' ? 'catalog' : key === 'Info' ? 'metadata' : 'trailer', false);
  }
  for (let i = 0; i < queue.length; i++) {
    const { ref, role, inDss } = queue[i]!;
    const value = doc.getObject(ref.num);
    const refined = refine(role, value);
    roles.set(ref.num, refined);
    if (isDict(value)) scan(value, undefined, refined, inDss);
    else if (typeof value === 'object' && value?.kind === 'stream') scan(value.dict, undefined, refined, inDss);
    else if (typeof value === 'object' && value?.kind === 'array') scan(undefined, value.items, refined, inDss);
  }
  return { roles, dangling, annotsArrays, dss };
}
