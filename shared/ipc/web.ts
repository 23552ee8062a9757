import { z } from 'zod';
import { JobProgress } from './events';
import { ErrorPayloadSchema } from './result';

/**
 * The browser host's HTTP API, shared by its server (electron/web) and the renderer's web client.
 * Every /api request but a download carries the session token in a header (never in a URL);
 * a download is claimed once by its own ticket.
 */
export const WEB_API = {
  /** The URL fragment parameter that hands the token to the page (`#k=TOKEN`). */
  tokenParam: 'k',
  tokenHeader: 'x-adsg-token',
  /** Upload ids, comma-separated, that a call's pick-files request is answered with. */
  uploadsHeader: 'x-adsg-uploads',
  call: '/api/call/',
  events: '/api/events',
  upload: '/api/upload',
  download: '/api/download/',
} as const;

/** The largest JSON request body: far above any valid input, far below harm. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** The largest single upload (evidence can be large; the disk's free space is checked too). */
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

/** A random id of 128 bits or more, base64url: upload ids and download tickets. */
export const WebId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/** The query of an upload: the file's name and size, and where its progress goes when part of a job. */
export const UploadQuery = z.strictObject({
  name: z.string().min(1).max(1024),
  size: z.coerce.number().int().min(0).max(MAX_UPLOAD_BYTES),
  job: z.string().min(1).max(64).optional(),
  kind: JobProgress.shape.kind.optional(),
  /** Bytes of the same job uploaded before this file, and the job's total, for one progress bar. */
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  total: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

/** What an accepted upload returns: its one-time id. */
export const UploadReply = z.object({ upload: WebId, size: z.number().int() });
export type UploadReply = z.infer<typeof UploadReply>;

/** A file a call produced, to be fetched once at `WEB_API.download + ticket` under `name`. */
export const Download = z.object({ ticket: WebId, name: z.string() });
export type Download = z.infer<typeof Download>;

/** A call's reply: the channel's Result, plus the files it saved (browser downloads). */
export const CallReply = z.union([
  z.object({ ok: z.literal(true), value: z.unknown(), downloads: z.array(Download).optional() }),
  z.object({ ok: z.literal(false), error: ErrorPayloadSchema }),
]);
export type CallReply = z.infer<typeof CallReply>;
