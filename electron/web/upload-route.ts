import type { IncomingMessage, ServerResponse } from 'node:http';
import { UploadQuery } from '../../shared/ipc/web';
import { throttleProgress } from '../core/evidence/progress';
import type { HostContext } from './context';
import { diskFileName } from './file-names';
import { sendJson } from './reply';
import { WebError } from './web-error';

/** Why a body stopped arriving, as the page is told (when it is still there to hear it). */
function uploadFailure(error: unknown, signal: AbortSignal): WebError {
  if (error instanceof WebError) return error;
  if (signal.aborted) return new WebError(400, 'io', 'upload-cancelled');
  return new WebError(400, 'io', 'upload-failed', { detail: (error as Error)?.message ?? String(error) });
}

/**
 * POST /api/upload?name=…&size=…[&job=…&kind=…&offset=…&total=…]: one file as the raw body.
 * Progress by bytes received goes out as the job's `job:progress`; `jobs:cancel` of the job, or
 * the page aborting the request, stops it. When an upload of a job fails, the job's earlier
 * uploads go too: the call they were for will not run.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: HostContext): Promise<void> {
  if (req.method !== 'POST') throw new WebError(405, 'forbidden', 'method');
  const parsed = UploadQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new WebError(400, 'validation', 'bad-query', { detail: parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ') });
  const query = parsed.data;
  const { job, kind } = query;
  const report =
    job && kind
      ? (done: number) => ctx.hub.emit('job:progress', { jobId: job, kind, label: diskFileName(query.name) ?? '', done: query.offset + done, total: Math.max(query.total ?? 0, query.offset + query.size) })
      : undefined;
  const progress = throttleProgress(query.size, report);
  // Stopping the host aborts an upload; so does `jobs:cancel` of its job.
  const stop = new AbortController();
  let signal: AbortSignal = stop.signal;
  const receive = (jobSignal?: AbortSignal) => {
    if (jobSignal) signal = AbortSignal.any([jobSignal, stop.signal]);
    report?.(0);
    return ctx.uploads.receive(req, query, { signal, onBytes: progress.update });
  };
  try {
    const upload = await ctx.running.track(job ? ctx.core.jobs.run(job, receive) : receive(), () => stop.abort());
    progress.finish(upload.size);
    sendJson(res, 201, { upload: upload.id, size: upload.size });
  } catch (error) {
    if (job) await ctx.uploads.discardJob(job);
    throw uploadFailure(error, signal);
  }
}
