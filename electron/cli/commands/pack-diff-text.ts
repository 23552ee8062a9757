import type { Locale } from '../../../shared/i18n/locale';
import type { DiffPart, FieldChange, ItemChange, PackDiff } from '../../../shared/rules/diff';
import { CHANGE_KIND_LABELS, DIFF_LABELS, fieldLabel } from '../../../shared/rules/diff-labels';
import { AREA_LABELS, OUTCOME_LABELS, formatText } from '../../../shared/rules/messages';
import { groupDigits } from '../../../shared/rules/trace-text';
import type { CarriedAnswer, UpgradePlan } from '../../../shared/rules/upgrade';

/** Terminal text of a pack diff and an upgrade plan, in one language; --json prints both languages. */

const colon = (lang: Locale) => (lang === 'zh-CN' ? '：' : ': ');

/** A word diff as plain text, the way `git diff --word-diff=plain` marks it: [-old-]{+new+}. */
function marked(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.kind === 'added' ? `{+${p.text}+}` : p.kind === 'removed' ? `[-${p.text}-]` : p.text)).join('');
}

function fieldLines(field: FieldChange, lang: Locale): string[] {
  const name = `${fieldLabel(field.field)[lang]}${colon(lang)}`;
  if (field.text) {
    const [first, ...rest] = marked(field.text[lang]).split('\n');
    return [`      ${name}${first}`, ...rest.map((l) => `        ${l}`)];
  }
  if (field.lines) {
    const changed = field.lines.filter((p) => p.kind !== 'same');
    const lines = changed.flatMap((p) => p.text.replace(/\n$/, '').split('\n').map((l) => `        ${p.kind === 'added' ? '+' : '-'} ${l.trim()}`));
    return [`      ${name}`, ...lines];
  }
  const value = (v: FieldChange['before']) => (typeof v === 'number' ? groupDigits(v) : String(v ?? '—'));
  return [`      ${name}${value(field.before)} → ${value(field.after)}`];
}

const SIGN: Record<ItemChange['change'], string> = { added: '+', removed: '-', changed: '~', unchanged: '=' };

function itemHeader(c: ItemChange, lang: Locale): string {
  const kinds = [...new Set(c.fields.map((f) => CHANGE_KIND_LABELS[f.kind][lang]))];
  const tags = [
    ...(c.change === 'changed' ? kinds : []),
    ...(c.removal ? [DIFF_LABELS[c.removal][lang]] : []),
    ...(c.change === 'changed' && c.contentChanged ? [DIFF_LABELS.reconfirm[lang]] : []),
    ...(c.change === 'changed' && !c.contentChanged ? [DIFF_LABELS.metadataOnly[lang]] : []),
  ];
  return `  ${SIGN[c.change]} ${c.id}  ${c.ref ? `${c.ref} ` : ''}${c.label[lang]}${tags.length ? `  [${tags.join(', ')}]` : ''}`;
}

const itemLines = (c: ItemChange, lang: Locale, details: boolean) => [itemHeader(c, lang), ...(details ? c.fields.flatMap((f) => fieldLines(f, lang)) : [])];

function headerLines(diff: PackDiff, lang: Locale): string[] {
  const name = (s: PackDiff['from']) => `${s.id}@${s.version}${s.example ? ` (${DIFF_LABELS.example[lang]})` : ''}`;
  return [`${name(diff.from)} → ${name(diff.to)}`, formatText(DIFF_LABELS.summary, lang, diff.counts)];
}

/** `adsg rules diff`: the determining changes first, then every area with its changes. */
export function packDiffText(diff: PackDiff, lang: Locale): string[] {
  const lines = headerLines(diff, lang);
  if (diff.counts.added + diff.counts.removed + diff.counts.changed === 0) return [...lines, '', DIFF_LABELS.none[lang]];
  if (diff.determining.length) {
    lines.push('', `${DIFF_LABELS.determining[lang]}${colon(lang)}`, ...diff.determining.flatMap((c) => itemLines(c, lang, true)));
  }
  lines.push('', `${DIFF_LABELS.byArea[lang]}${colon(lang)}`);
  for (const area of diff.areas) {
    const counts = (['added', 'removed', 'changed'] as const).filter((k) => area[k].length).map((k) => `${DIFF_LABELS[k][lang]} ${area[k].length}`);
    if (!counts.length) continue;
    lines.push(`${AREA_LABELS[area.area][lang]}${colon(lang)}${counts.join(' · ')} · ${DIFF_LABELS.unchanged[lang]} ${area.unchanged.length}`);
    for (const c of [...area.added, ...area.removed, ...area.changed]) lines.push(...itemLines(c, lang, !c.determining));
  }
  return lines;
}

const answerLine = (a: CarriedAnswer, lang: Locale) => `    ${a.flowName ? `${a.flowName} / ` : ''}${a.ref ? `${a.ref} ` : ''}${a.label[lang]}  (${a.result})`;

/** `adsg projects upgrade-pack`: what the upgrade carries, marks, archives, and which outcomes move. */
export function upgradePlanText(plan: UpgradePlan, lang: Locale, applied: boolean): string[] {
  const lines = headerLines(plan.diff, lang);
  for (const [label, carry] of [
    [DIFF_LABELS.checklist, plan.answers],
    [DIFF_LABELS.questionnaire, plan.questions],
  ] as const) {
    lines.push('', `${label[lang]}${colon(lang)}${formatText(DIFF_LABELS.carriedCount, lang, { carried: carry.carried, reconfirm: carry.reconfirm.length, archived: carry.archived.length, unanswered: carry.unanswered.length })}`);
    if (carry.reconfirm.length) lines.push(`  ${DIFF_LABELS.reconfirm[lang]}${colon(lang)}`, ...carry.reconfirm.map((a) => answerLine(a, lang)));
    if (carry.archived.length) lines.push(`  ${DIFF_LABELS.archived[lang]}${colon(lang)}`, ...carry.archived.map((a) => answerLine(a, lang)));
  }
  const moved = plan.determinations.filter((d) => d.changed);
  lines.push('', `${DIFF_LABELS.determinations[lang]}${colon(lang)}`);
  if (!moved.length) lines.push(`  ${DIFF_LABELS.noOutcomeChange[lang]}`);
  for (const d of moved) lines.push(`  ${d.name ?? DIFF_LABELS.organization[lang]}${colon(lang)}${OUTCOME_LABELS[d.before][lang]} → ${OUTCOME_LABELS[d.after][lang]}`);
  if (plan.diff.determining.length) lines.push('', `${DIFF_LABELS.determining[lang]}${colon(lang)}`, ...plan.diff.determining.map((c) => itemHeader(c, lang)));
  const { revision } = plan;
  if (!applied && revision.state === 'submitted') lines.push('', formatText(DIFF_LABELS.revisionUnderReview, lang, { revision: revision.number }));
  if (!applied && revision.opensRevision) lines.push('', formatText(DIFF_LABELS.revisionOpens, lang, { revision: revision.number, next: revision.opensRevision }));
  if (!applied) lines.push('', DIFF_LABELS.dryRun[lang]);
  return lines;
}
