import type { ChangeKind, DisallowedChange } from '../../../shared/domain/signing';
import { childRole, objectRoles, type ObjectRoles, type WalkBudget } from './object-roles';
import type { PdfDocument } from './pdf/document';
import { isArray, isDict, isName, isRef, type PdfDict, type PdfObject } from './pdf/objects';
import type { PdfRevision } from './pdf/revisions';
import { samePdfObject } from './pdf/same-object';

/** Trailer entries every incremental update rewrites. */
const TRAILER_BOOKKEEPING = new Set(['Size', 'Prev', 'ID']);
/** Catalog entries a signature workflow may change: the form (judged on its own) and the DSS. */
const CATALOG_ALLOWED = new Set(['AcroForm', 'DSS']);
/** Form entries a new signature field may change; /Fields and /DR are judged in detail. */
const FORM_ALLOWED = new Set(['Fields', 'SigFlags', 'DR']);
/** Never followed when collecting what a new signature field brings: they point back into the document. */
const BACK_POINTERS = new Set(['P', 'Parent']);

/**
 * What `after` changed relative to `before` that a signature workflow does not change, as Adobe
 * Reader judges the revisions after a signature. Allowed are only: new signature fields appended
 * to the form's /Fields (with their signature dictionaries, widgets and appearance streams, and
 * whatever new objects those use), each page's /Annots gaining exactly those widgets, the form
 * gaining /SigFlags or additions to /DR, and the document security store (/DSS). Everything else
 * is named by revision and kind: an edited page, content stream, font, annotation, attachment,
 * catalog entry or earlier signature; a deleted object; a new object nothing allowed uses; or a
 * new object that fills a reference the earlier revision left dangling.
 * Objects are compared as parsed values, never as bytes.
 */
export function disallowedChanges(before: PdfRevision, after: PdfRevision, budget: WalkBudget): DisallowedChange[] {
  return new RevisionStep(before.doc, after, budget).judge();
}

/** A field or widget that runs an action (JavaScript, a link) when touched is not just a signature. */
const hasActions = (dict: PdfDict): boolean => dict.entries.has('A') || dict.entries.has('AA');

class RevisionStep {
  private readonly found = new Map<ChangeKind, Set<number>>();
  private readonly added = new Set<number>();
  private readonly modified: number[] = [];
  private readonly accounted = new Set<number>();
  /** New objects whose contents `account` has already walked. */
  private readonly visited = new Set<number>();
  private readonly newFields = new Set<number>();
  private readonly handled = new Set<number>();
  private readonly roles: ObjectRoles;
  private readonly b: PdfDocument;

  constructor(
    private readonly a: PdfDocument,
    private readonly after: PdfRevision,
    private readonly budget: WalkBudget,
  ) {
    this.b = after.doc;
    this.roles = objectRoles(a, budget);
  }

  judge(): DisallowedChange[] {
    for (const [num, entry] of this.after.section.entries) {
      const inA = this.inUse(this.a, num);
      if (entry === 'free') {
        if (inA) this.flag('deleted-object', num);
      } else if (inA) this.modified.push(num);
      else this.added.add(num);
    }
    this.judgeTrailer();
    this.judgeCatalog();
    this.judgeForm();
    for (const num of this.modified) this.judgeModified(num);
    for (const num of this.added) {
      const role = this.roles.dangling.get(num);
      // An earlier reference to an object that did not exist now shows whatever was added.
      if (role !== undefined) this.flag(role, num);
      else if (!this.accounted.has(num)) this.flag('added-object', num);
    }
    return [...this.found].map(([kind, objects]) => ({ revision: this.after.number, kind, objects: [...objects].sort((x, y) => x - y) }));
  }

  /**
   * Records a disallowed change of `kind` to object `num`. New objects reachable from `value`
   * (what the change now points at) belong to this change, not to "added objects".
   */
  private flag(kind: ChangeKind, num?: number, value?: PdfObject): void {
    const objects = this.found.get(kind) ?? new Set<number>();
    if (num !== undefined) objects.add(num);
    this.found.set(kind, objects);
    this.account(value);
  }

  private inUse(doc: PdfDocument, num: number): boolean {
    const entry = doc.xref.entries.get(num);
    return entry !== undefined && entry !== 'free';
  }

  private same(x: PdfObject | undefined, y: PdfObject | undefined): boolean {
    return samePdfObject(x, this.a.bytes, y, this.b.bytes);
  }

  /** Keys whose values differ between two dictionaries, outside `ignored`. */
  private differingKeys(x: PdfDict, y: PdfDict, ignored: ReadonlySet<string>): string[] {
    const keys = new Set([...x.entries.keys(), ...y.entries.keys()]);
    return [...keys].filter((key) => !ignored.has(key) && !this.same(x.entries.get(key), y.entries.get(key)));
  }

  private judgeTrailer(): void {
    if (this.differingKeys(this.a.trailer, this.b.trailer, TRAILER_BOOKKEEPING).length > 0) this.flag('trailer');
  }

  private judgeCatalog(): void {
    const root = this.a.trailer.entries.get('Root');
    if (!isRef(root)) return; // the trailer rule has spoken if /Root changed
    this.handled.add(root.num);
    const x = this.a.resolve(root);
    const y = this.b.resolve(root);
    if (!isDict(x) || !isDict(y)) return this.flag('catalog', root.num);
    for (const key of this.differingKeys(x, y, CATALOG_ALLOWED)) this.flag(childRole('catalog', key), root.num, y.entries.get(key));
    this.account(y.entries.get('DSS'));
  }

  /**
   * The form may gain signature fields at the end of /Fields, /SigFlags and new /DR resources;
   * nothing else. The new signature fields found here are what the page rules accept as widgets.
   */
  private judgeForm(): void {
    const formOf = (doc: PdfDocument): PdfObject | undefined => {
      const catalog = doc.resolve(doc.trailer.entries.get('Root'));
      return isDict(catalog) ? catalog.entries.get('AcroForm') : undefined;
    };
    const formA = formOf(this.a);
    const formB = formOf(this.b);
    const x = this.a.resolve(formA);
    const y = this.b.resolve(formB);
    this.handleIfSame(formA, formB);
    if (y === null) {
      if (x !== null) this.flag('form', isRef(formA) ? formA.num : undefined);
      return;
    }
    const formNum = isRef(formB) ? formB.num : undefined;
    if (!isDict(y) || (x !== null && !isDict(x))) return this.flag('form', formNum);
    this.markAccounted(formB);
    const empty: PdfDict = { kind: 'dict', entries: new Map(), start: -1, end: -1 };
    const before = isDict(x) ? x : empty;
    for (const key of this.differingKeys(before, y, FORM_ALLOWED)) this.flag(childRole('form', key), formNum, y.entries.get(key));

    const fieldsA = before.entries.get('Fields');
    const fieldsB = y.entries.get('Fields');
    this.handleIfSame(fieldsA, fieldsB);
    this.markAccounted(fieldsB);
    const appended = this.appended(this.a.resolve(fieldsA), this.b.resolve(fieldsB));
    if (appended === undefined) this.flag('form', isRef(fieldsB) ? fieldsB.num : formNum);
    for (const item of appended ?? []) {
      const field = isRef(item) && this.added.has(item.num) ? this.b.resolve(item) : null;
      if (isDict(field) && isName(field.entries.get('FT'), 'Sig') && !hasActions(field)) {
        this.newFields.add((item as { num: number }).num);
        this.account(item);
      } else this.flag('form', isRef(item) ? item.num : formNum, item);
    }
    if (!this.resourcesExtend(before.entries.get('DR'), y.entries.get('DR'))) this.flag('form', formNum);
    this.account(y.entries.get('DR'));
  }

  /**
   * When both revisions reach the same object here, its new content is what the caller judges;
   * an object the later revision no longer reaches this way is still judged on its own.
   */
  private handleIfSame(x: PdfObject | undefined, y: PdfObject | undefined): void {
    if (isRef(x) && isRef(y) && x.num === y.num && x.gen === y.gen) this.handled.add(x.num);
  }

  /** `y` is `x` with items added at the end: the added items, or `undefined` when it is not. */
  private appended(x: PdfObject, y: PdfObject): PdfObject[] | undefined {
    const itemsA = x === null ? [] : isArray(x) ? x.items : undefined;
    const itemsB = y === null ? [] : isArray(y) ? y.items : undefined;
    if (!itemsA || !itemsB || itemsB.length < itemsA.length) return undefined;
    if (!itemsA.every((item, i) => this.same(item, itemsB[i]))) return undefined;
    return itemsB.slice(itemsA.length);
  }

  /** /DR may gain resources (a font for a new appearance); what it had must stay as it was. */
  private resourcesExtend(x: PdfObject | undefined, y: PdfObject | undefined): boolean {
    const before = this.a.resolve(x);
    if (before === null) return true;
    const after = this.b.resolve(y);
    if (!isDict(before) || !isDict(after)) return this.same(before, after);
    return [...before.entries].every(([key, value]) => {
      const other = after.entries.get(key);
      if (this.same(value, other)) return true;
      const inner = this.a.resolve(value);
      const innerAfter = this.b.resolve(other);
      return isDict(inner) && isDict(innerAfter) && [...inner.entries].every(([k, v]) => this.same(v, innerAfter.entries.get(k)));
    });
  }

  private judgeModified(num: number): void {
    if (this.handled.has(num)) return;
    const x = this.a.getObject(num);
    const y = this.b.getObject(num);
    if (this.same(x, y)) return;
    if (this.roles.dss.has(num)) return this.account(y);
    if (isDict(x) && isName(x.entries.get('Type'), 'Page')) return this.judgePage(num, x, y);
    if (this.roles.annotsArrays.has(num)) return this.judgeAnnots(this.appended(x, y), undefined, num);
    this.flag(this.roles.roles.get(num) ?? 'object', num, y);
  }

  /** A page may only gain widgets of the new signature fields in /Annots. */
  private judgePage(num: number, x: PdfDict, y: PdfObject): void {
    if (!isDict(y)) return this.flag('page', num);
    for (const key of this.differingKeys(x, y, new Set(['Annots']))) this.flag(childRole('page', key), num, y.entries.get(key));
    const annotsA = x.entries.get('Annots');
    const annotsB = y.entries.get('Annots');
    // The same indirect array on both sides is judged as an object of its own, if it changed.
    if (isRef(annotsA) && isRef(annotsB) && annotsA.num === annotsB.num && annotsA.gen === annotsB.gen) return;
    this.markAccounted(annotsB);
    this.judgeAnnots(this.appended(this.a.resolve(annotsA), this.b.resolve(annotsB)), num, isRef(annotsB) ? annotsB.num : num);
  }

  private judgeAnnots(appended: PdfObject[] | undefined, page: number | undefined, owner: number): void {
    if (appended === undefined) return this.flag('annotations', owner);
    for (const item of appended) {
      if (!this.isNewSignatureWidget(item, page)) this.flag('annotations', isRef(item) ? item.num : owner, item);
    }
  }

  /** A new widget of a new signature field: the merged field itself, or a kid whose /Parent is one. */
  private isNewSignatureWidget(item: PdfObject, page: number | undefined): boolean {
    if (!isRef(item) || !this.added.has(item.num)) return false;
    const widget = this.b.resolve(item);
    if (!isDict(widget) || !isName(widget.entries.get('Subtype'), 'Widget') || hasActions(widget)) return false;
    const onPage = widget.entries.get('P');
    if (page !== undefined && onPage !== undefined && !(isRef(onPage) && onPage.num === page)) return false;
    const parent = widget.entries.get('Parent');
    const ok = this.newFields.has(item.num) || (isRef(parent) && this.newFields.has(parent.num));
    if (ok) this.account(item);
    return ok;
  }

  /** Marks `value` itself, when it is a new object, as part of an allowed change (its contents are judged by the caller). */
  private markAccounted(value: PdfObject | undefined): void {
    if (isRef(value) && this.added.has(value.num)) this.accounted.add(value.num);
  }

  /**
   * Marks the new objects reachable from `value` as part of an allowed addition, not following
   * references back into the document (/P, /Parent) nor into objects that existed before.
   */
  private account(value: PdfObject | undefined): void {
    const stack: PdfObject[] = value === undefined ? [] : [value];
    while (stack.length > 0) {
      this.budget.spend();
      const current = stack.pop()!;
      if (current === null || typeof current !== 'object') continue;
      if (current.kind === 'ref') {
        if (!this.added.has(current.num) || this.visited.has(current.num)) continue;
        this.visited.add(current.num);
        this.accounted.add(current.num);
        stack.push(this.b.getObject(current.num));
      } else if (current.kind === 'array') stack.push(...current.items);
      else {
        const dict = current.kind === 'stream' ? current.dict : current.kind === 'dict' ? current : undefined;
        if (dict) for (const [key, nested] of dict.entries) if (!BACK_POINTERS.has(key)) stack.push(nested);
      }
    }
  }
}
