import { createProject, getProject, listAll, patchProject, removeProject, setArchived } from '../../projects/service';
import type { Handlers } from './types';

export const projectHandlers: Handlers<
  'projects:list' | 'projects:get' | 'projects:create' | 'projects:update' | 'projects:setArchived' | 'projects:delete'
> = {
  'projects:list': ({ includeArchived }, core) => listAll(core, includeArchived),
  'projects:get': ({ id }, core) => getProject(core, id),
  'projects:create': (input, core) => createProject(core, input),
  'projects:update': ({ id, patch }, core) => patchProject(core, id, patch),
  'projects:setArchived': ({ id, archived }, core) => setArchived(core, id, archived),
  'projects:delete': ({ id }, core) => removeProject(core, id),
};
