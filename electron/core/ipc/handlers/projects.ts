import { createProject, getProject, listAll, patchProject, removeProject, setArchived } from '../../projects/service';
import { createDemoProject } from '../../demo/example-motors';
import type { Handlers } from './types';

export const projectHandlers: Handlers<
  'projects:list' | 'projects:createDemo' | 'projects:get' | 'projects:create' | 'projects:update' | 'projects:setArchived' | 'projects:delete'
> = {
  'projects:list': ({ includeArchived }, core) => listAll(core, includeArchived),
  'projects:createDemo': (_input, core) => createDemoProject(core),
  'projects:get': ({ id }, core) => getProject(core, id),
  'projects:create': (input, core) => createProject(core, input),
  'projects:update': ({ id, patch }, core) => patchProject(core, id, patch),
  'projects:setArchived': ({ id, archived }, core) => setArchived(core, id, archived),
  'projects:delete': ({ id }, core) => removeProject(core, id),
};
