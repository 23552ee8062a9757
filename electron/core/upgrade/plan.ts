import { importantDataItemsFor } from '../../../shared/domain/important-data';
import { workspaceFacts } from '../../../shared/domain/workspace-facts';
import type { Workspace } from '../../../shared/ipc/channels/audit';
import { diffPacks } from '../../../shared/rules/diff';
import { determine } from '../../../shared/rules/engine';
import { packItems, type PackItem } from '../../../shared/rules/items';
import type { RulesPack } from '../../../shared/rules/schema';
import type { OutcomeChange, UpgradePlan } from '../../../shared/rules/upgrade';
import type { Core } from '../core';
import { packForProject } from '../projects/rules-pack';
import { currentRevision } from '../review/service';
import { RulesPackError } from '../rules/errors';
import { loadInstalledPack, parsePackRef } from '../rules/installed';
import { loadWorkspace } from '../workspace/service';
import { carryDecision } from './carry';
import { describeHeld, heldAnswers, type HeldAnswer } from './held-answers';
import { previousItem, reconfirmMarks, type ReconfirmMark } from './marks';

/** The plan and what applying it needs: both packs, and the decision for every held answer. */
export interface PreparedUpgrade {
  plan: UpgradePlan;
  from: RulesPack;
  to: RulesPack;
  reconfirm: { held: HeldAnswer; previous: PackItem | undefined; previousHash: string | undefined; from: string }[];
  archived: HeldAnswer[];
}

/** The pack a project is on and the one it would move to (`id@version`, or `id` for its newest release). */
export interface UpgradePacks {
  from: RulesPack;
  to: RulesPack;
}

/**
 * Loads both packs of an upgrade and checks it is one: another version of the same pack.
 * @throws RulesPackError `not-found` | `upgrade-other-pack` | `upgrade-same-version`.
 */
export async function loadUpgradePacks(core: Core, projectId: string, target: string): Promise<UpgradePacks> {
  const from = await packForProject(core, projectId);
  const ref = parsePackRef(target);
  const current = `${from.id}@${from.version}`;
  if (ref.id !== from.id) throw new RulesPackError('upgrade-other-pack', { current, target });
  const to = await loadInstalledPack(core.rulesDir, ref.id, ref.version);
  if (to.version === from.version) throw new RulesPackError('upgrade-same-version', { pack: current });
  return { from, to };
}

/**
 * Works out, without changing anything, what moving a project to `target` would do: the pack
 * diff, the fate of every checklist and questionnaire answer, the new items left unanswered, and
 * each determination recomputed with the new pack. The preview, the CLI's `--dry-run` and the
 * upgrade itself (inside its transaction) all use `planUpgrade`, so they cannot disagree.
 */
export async function prepareUpgrade(core: Core, projectId: string, target: string): Promise<PreparedUpgrade> {
  return planUpgrade(core, projectId, await loadUpgradePacks(core, projectId, target));
}

/** The plan from the project as it is now (synchronous: it can run inside a transaction). */
export function planUpgrade(core: Core, projectId: string, { from, to }: UpgradePacks): PreparedUpgrade {
  const ws = loadWorkspace(core, projectId);
  const diff = diffPacks(from, to);
  const fromItems = new Map(packItems(from).map((i) => [i.id, i]));
  const toItems = new Map(packItems(to).map((i) => [i.id, i]));
  const flowNames = new Map(ws.flows.map((f) => [f.id, f.name]));
  const pending = new Map(reconfirmMarks(core, projectId).map((m) => [`${m.entity}:${m.entityId}`, m]));

  const reconfirm: PreparedUpgrade['reconfirm'] = [];
  const archived: HeldAnswer[] = [];
  const carried = { answer: 0, question: 0 };
  for (const held of heldAnswers(ws)) {
    const decision = carryDecision(from.itemHashes[held.itemId], toItems.get(held.itemId), to.itemHashes[held.itemId]);
    if (decision === 'archive') archived.push(held);
    else if (decision === 'carry') carried[held.entity] += 1;
    else reconfirm.push(markFor(held, fromItems.get(held.itemId), from, pending.get(`${held.entity}:${held.entityId}`)));
  }

  // A withdrawn item is still in the new version; one dropped altogether is named from the old.
  const describe = (h: HeldAnswer) => describeHeld(h, toItems.get(h.itemId) ?? fromItems.get(h.itemId), flowNames);
  const of = (entity: HeldAnswer['entity']) => ({
    carried: carried[entity],
    reconfirm: reconfirm.filter((r) => r.held.entity === entity).map((r) => describe(r.held)),
    archived: archived.filter((h) => h.entity === entity).map(describe),
  });
  const revision = currentRevision(core, projectId);
  const plan: UpgradePlan = {
    projectId,
    diff,
    answers: { ...of('answer'), unanswered: newChecklistItems(to, diff.areas.flatMap((a) => a.added.map((c) => c.id)), ws) },
    questions: { ...of('question'), unanswered: newQuestions(from, to, ws) },
    determinations: outcomeChanges(from, to, ws),
    revision: { number: revision.number, state: revision.state, opensRevision: revision.state === 'accepted' ? revision.number + 1 : null },
  };
  return { plan, from, to, reconfirm, archived };
}

/**
 * The item an answer was given to: the one in the pack being left, or, for an answer still
 * waiting from an earlier upgrade, the item it was first answered under (so the diff shows
 * everything that changed since).
 */
function markFor(held: HeldAnswer, fromItem: PackItem | undefined, from: RulesPack, pending: ReconfirmMark | undefined) {
  if (pending) {
    const { detail } = pending;
    return { held, previous: detail ? previousItem(detail) : undefined, previousHash: detail?.previousHash, from: pending.from };
  }
  return { held, previous: fromItem, previousHash: from.itemHashes[held.itemId], from: `${from.id}@${from.version}` };
}

/** Checklist items the new version adds, none of them answered yet. */
function newChecklistItems(to: RulesPack, added: readonly string[], ws: Workspace) {
  const answered = new Set(ws.answers.map((a) => a.itemId));
  return to.checklists
    .flatMap((c) => c.items)
    .filter((i) => added.includes(i.id) && !answered.has(i.id))
    .map((i) => ({ itemId: i.id, flowId: null, flowName: null, label: i.requirement, ...(i.ref ? { ref: i.ref } : {}) }));
}

/** Questionnaire items each flow is asked under the new version and was not asked before. */
function newQuestions(from: RulesPack, to: RulesPack, ws: Workspace) {
  return ws.flows.flatMap((flow) => {
    const before = new Set(importantDataItemsFor(from, flow.scenario).map((i) => i.id));
    const answered = new Set(ws.questions.filter((q) => q.flowId === flow.id).map((q) => q.itemId));
    return importantDataItemsFor(to, flow.scenario)
      .filter((i) => !before.has(i.id) && !answered.has(i.id))
      .map((i) => ({ itemId: i.id, flowId: flow.id, flowName: flow.name, label: i.title, ...(i.ref ? { ref: i.ref } : {}) }));
  });
}

/** The organisation's and each flow's outcome under both versions (the engine's, before any override). */
function outcomeChanges(from: RulesPack, to: RulesPack, ws: Workspace): OutcomeChange[] {
  const before = determine(from, workspaceFacts(from, ws));
  const after = determine(to, workspaceFacts(to, ws));
  const change = (scope: string, name: string | null, a: OutcomeChange['before'], b: OutcomeChange['after']) => ({ scope, name, before: a, after: b, changed: a !== b });
  return [
    change('organization', null, before.organization.outcome, after.organization.outcome),
    ...ws.flows.map((flow, i) => change(flow.id, flow.name, before.flows[i]!.outcome, after.flows[i]!.outcome)),
  ];
}
