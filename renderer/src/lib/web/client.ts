import type { Api } from '../../../../shared/ipc/api';
import { CHANNELS, type Channel } from '../../../../shared/ipc/contract';
import { EVENT_NAMES, type EventName } from '../../../../shared/ipc/events';
import type { ErrorPayload, Result } from '../../../../shared/ipc/result';
import { CallReply, UploadReply, WEB_API, type Download, type UploadQuery } from '../../../../shared/ipc/web';
import { ApiError, shown } from '../api';
import { streamEvents } from './events';
import { hostText } from './texts';
import { takeToken, tokenInAddress } from './token';

let token = '';
let installed = false;
/** The uploads of each job under way, so `jobs:cancel` can abort them. */
const jobUploads = new Map<string, AbortController>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

/** True once the browser host's client stands in for the preload. */
export const isBrowserHost = (): boolean => installed;

const unreachable = (): ErrorPayload => ({ code: 'io', message: hostText('unreachable') });

async function readReply(response: Response): Promise<CallReply> {
  const parsed = CallReply.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : { ok: false, error: { code: 'internal', message: hostText('badReply', { status: response.status }) } };
}

/** Fetches a file a call saved, under its own name, through its one-time ticket. */
function startDownload(download: Download): void {
  const link = document.createElement('a');
  link.href = WEB_API.download + download.ticket;
  link.download = download.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * One call over HTTP, answered like the preload's: a Result. `uploads` answer the handler's
 * "pick files"; files it saved are downloaded before the call resolves, as the desktop app has
 * written them by then.
 */
export async function callOverHttp(channel: Channel, input: unknown, uploads: readonly string[] = []): Promise<Result<unknown>> {
  let reply: CallReply;
  try {
    const response = await fetch(WEB_API.call + channel, {
      method: 'POST',
      headers: {
        [WEB_API.tokenHeader]: token,
        'content-type': 'application/json',
        ...(uploads.length ? { [WEB_API.uploadsHeader]: uploads.join(',') } : {}),
      },
      body: JSON.stringify(input === undefined ? null : input),
    });
    reply = await readReply(response);
  } catch {
    reply = { ok: false, error: unreachable() };
  }
  if (!reply.ok) return reply;
  reply.downloads?.forEach(startDownload);
  return { ok: true, value: reply.value };
}

/** Progress of an upload as part of a job: the job's id and kind, bytes before this file, the job's total. */
export type UploadProgress = Required<Pick<UploadQuery, 'job' | 'kind' | 'offset' | 'total'>>;

/**
 * Streams one file to the host (the browser reads it from disk as it sends); resolves with its
 * one-time upload id. @throws ApiError (refused, or cancelled when `signal` aborts)
 */
export async function uploadFile(file: File, progress: UploadProgress | undefined, signal: AbortSignal): Promise<string> {
  const query = new URLSearchParams({ name: file.name, size: String(file.size) });
  if (progress) for (const [key, value] of Object.entries(progress)) query.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(`${WEB_API.upload}?${query}`, {
      method: 'POST',
      headers: { [WEB_API.tokenHeader]: token, 'content-type': 'application/octet-stream' },
      body: file,
      signal,
    });
  } catch {
    throw new ApiError(signal.aborted ? { code: 'io', message: hostText('cancelled') } : unreachable());
  }
  const body: unknown = await response.json().catch(() => null);
  const accepted = UploadReply.safeParse(body);
  if (response.ok && accepted.success) return accepted.data.upload;
  const refused = CallReply.safeParse(body);
  throw new ApiError(shown(refused.success && !refused.data.ok ? refused.data.error : { code: 'internal', message: hostText('badReply', { status: response.status }) }));
}

/** An abort controller for a job's uploads, which `jobs:cancel` of that job aborts; `release` when done. */
export function jobUploadControl(jobId: string | undefined): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  if (jobId) jobUploads.set(jobId, controller);
  const release = () => {
    if (jobId && jobUploads.get(jobId) === controller) jobUploads.delete(jobId);
  };
  return { signal: controller.signal, release };
}

/**
 * In a browser (no preload): takes the session token from the address, then puts `window.api`
 * (one function per contract channel, each a POST with the token in a header) and `window.host`
 * (events from a server-sent event stream) where the preload would have put them.
 */
export function installWebClient(): void {
  token = takeToken() ?? '';
  installed = true;
  // The address of a restarted `adsg ui` pasted into this tab changes only the fragment: start over with its token.
  window.addEventListener('hashchange', () => {
    if (!tokenInAddress()) return;
    takeToken();
    location.reload();
  });
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (input: unknown) => {
        // Cancelling a job first aborts its uploads here; the host cancels what runs there.
        if (channel === 'jobs:cancel') jobUploads.get((input as { jobId?: string })?.jobId ?? '')?.abort();
        return callOverHttp(channel, input);
      },
    ]),
  ) as unknown as Api;
  streamEvents(token, (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload)));
  Object.assign(window, {
    api,
    host: {
      on(event: EventName, listener: (payload: unknown) => void) {
        if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${event}`);
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set.add(listener));
        return () => void set.delete(listener);
      },
      // A browser never tells a page where a file lives: files reach the host as uploads.
      pathForFile: () => null,
    },
  });
}
