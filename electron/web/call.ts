import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { isOpenChannel, OPEN_CHANNELS, acceptsFileName } from '../../shared/ipc/file-channels';
import { MAX_JSON_BYTES, WEB_API, WebId, type Download } from '../../shared/ipc/web';
import { dispatch } from '../core/ipc/dispatch';
import type { HostContext } from './context';
import { readJsonBody } from './json-body';
import { sendJsonText } from './reply';
import type { Upload } from './uploads';
import { callPorts } from './web-ports';
import { WebError } from './web-error';

/**
 * The uploads a call names in its header, taken (each upload serves one call, even a refused
 * one), then checked against what the channel accepts; refused ones are removed at once.
 */
async function takeUploads(req: IncomingMessage, channel: string, ctx: HostContext): Promise<Upload[]> {
  const header = req.headers[WEB_API.uploadsHeader];
  if (header === undefined || header === '') return [];
  const ids = String(header).split(',');
  const uploads = ctx.uploads.takeKnown(ids);
  const refusal = ((): WebError | null => {
    if (!isOpenChannel(channel)) return new WebError(400, 'validation', 'upload-unexpected');
    if (uploads.length !== ids.length || ids.some((id) => !WebId.safeParse(id).success)) return new WebError(400, 'not-found', 'upload-unknown');
    const spec = OPEN_CHANNELS[channel];
    if (!spec.multiple && ids.length > 1) return new WebError(400, 'validation', 'upload-one');
    const wrong = uploads.find((u) => !acceptsFileName(spec.extensions, u.name));
    return wrong ? new WebError(400, 'validation', 'upload-type', { name: wrong.name, extensions: spec.extensions?.map((e) => `.${e}`).join(' ') ?? '' }) : null;
  })();
  if (!refusal) return uploads;
  await ctx.uploads.dispose(uploads);
  throw refusal;
}

/** The server-side paths in a reply, replaced by the file names the user knows them by. */
function hidePaths(body: unknown, names: ReadonlyMap<string, string>): string {
  let text = JSON.stringify(body);
  for (const [path, name] of names) text = text.split(JSON.stringify(path).slice(1, -1)).join(JSON.stringify(name).slice(1, -1));
  return text;
}

/**
 * POST /api/call/<channel>: the same dispatcher as Electron's router, with this call's ports.
 * Files the handler saved become one-time downloads named in the reply; its uploads are removed
 * once it has run, whatever the outcome.
 */
export async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string, ctx: HostContext): Promise<void> {
  if (req.method !== 'POST') throw new WebError(405, 'forbidden', 'method');
  const uploads = await takeUploads(req, channel, ctx);
  let reply: string;
  try {
    const input = await readJsonBody(req, MAX_JSON_BYTES);
    const jobId = (input as { jobId?: unknown } | null)?.jobId;
    const reserved: string[] = [];
    const ports = callPorts(ctx.hub, uploads, ctx, reserved);
    const cancel = typeof jobId === 'string' ? () => void ctx.core.jobs.cancel(jobId) : undefined;
    const result = await ctx.running.track(dispatch(ctx.core, channel, input, ports), cancel);
    const downloads: Download[] = [];
    for (const path of reserved) {
      if (!result.ok) {
        await ctx.downloads.discard(path);
        continue;
      }
      const download = await ctx.downloads.publish(path);
      if (download) downloads.push(download);
    }
    const names = new Map([...uploads.map((u) => [u.path, u.name] as const), ...reserved.map((p) => [p, basename(p)] as const)]);
    reply = hidePaths(result.ok && downloads.length ? { ...result, downloads } : result, names);
  } finally {
    // Before answering, so the page never sees its upload still lying in the temp area.
    await ctx.uploads.dispose(uploads);
  }
  sendJsonText(res, 200, reply);
}
