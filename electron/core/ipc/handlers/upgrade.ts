import { diffPacks } from '../../../../shared/rules/diff';
import { parsePackRef, loadInstalledPack, listPackSummaries } from '../../rules/installed';
import { upgradeProjectPack } from '../../upgrade/apply';
import { carriedState, confirmCarried } from '../../upgrade/carried';
import { prepareUpgrade } from '../../upgrade/plan';
import type { Core } from '../../core';
import type { Handlers } from './types';

const load = (core: Core, ref: string) => {
  const { id, version } = parsePackRef(ref);
  return loadInstalledPack(core.rulesDir, id, version);
};

export const upgradeHandlers: Handlers<'rules:list' | 'rules:diff' | 'upgrade:preview' | 'upgrade:apply' | 'carried:list' | 'carried:confirm'> = {
  'rules:list': (_input, core) => listPackSummaries(core.rulesDir, core.locale()),
  'rules:diff': async ({ from, to }, core) => diffPacks(await load(core, from), await load(core, to)),
  'upgrade:preview': async ({ projectId, to }, core) => (await prepareUpgrade(core, projectId, to)).plan,
  'upgrade:apply': async ({ projectId, to, expectFrom }, core) => {
    const { project, revision } = await upgradeProjectPack(core, projectId, to, expectFrom);
    return { project, revision };
  },
  'carried:list': ({ projectId }, core) => carriedState(core, projectId),
  'carried:confirm': ({ projectId, entity, entityId }, core) => confirmCarried(core, projectId, entity, entityId),
};
