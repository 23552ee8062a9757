import { z } from 'zod';

/** Project ids are UUIDs minted by core; branded so a plain string cannot stand in for one. */
export const ProjectId = z.uuid().brand<'ProjectId'>();
export type ProjectId = z.infer<typeof ProjectId>;
