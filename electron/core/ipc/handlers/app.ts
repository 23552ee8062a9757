import { listTrail, verifyTrail } from '../../audit-trail/trail';
import { getProject } from '../../projects/service';
import { packForProject } from '../../projects/rules-pack';
import { getSettings, updateSettings } from '../../settings/service';
import type { Handlers } from './types';

export const appHandlers: Handlers<'app:info' | 'settings:get' | 'settings:update'> = {
  'app:info': (_input, core) => ({ version: core.appVersion, dataDir: core.dataDir, schemaVersion: core.schemaVersion }),
  'settings:get': (_input, core) => getSettings(core),
  'settings:update': (patch, core) => updateSettings(core, patch),
};

export const trailHandlers: Handlers<'trail:list' | 'trail:verify'> = {
  'trail:list': ({ projectId, entityId }, core) => listTrail(core.db, getProject(core, projectId).id, entityId),
  // A deleted project's chain stays verifiable, so this does not require the project to exist.
  'trail:verify': ({ projectId }, core) => verifyTrail(core.db, projectId),
};

export const rulesHandlers: Handlers<'rules:forProject'> = {
  'rules:forProject': ({ projectId }, core) => packForProject(core, projectId),
};
