import { z } from 'zod';

/** Progress of a long job (evidence hashing, dossier generation, bundle import), pushed main → renderer. */
export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.enum(['evidence', 'dossier', 'bundle']),
  label: z.string(),
  done: z.number(),
  total: z.number(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** Every event main may push to the renderer, by name. */
export const events = {
  'job:progress': JobProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Preload → main: the path of a file the user dropped on the window (not a contract channel: the page cannot call it). */
export const DROPPED_PATH_CHANNEL = 'host:dropped-path';
