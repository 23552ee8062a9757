import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/ipc/result';
import { API_HEADERS } from './headers';

/** Sends JSON text with the API headers. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...API_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Sends a value as JSON with the API headers. */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => sendJsonText(res, status, JSON.stringify(body));

/**
 * A refusal, shaped like a failed Result so the page shows its message like any other error.
 * After a refusal the rest of the request body is not wanted: the connection closes.
 */
export function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.setHeader('connection', 'close');
  sendJson(res, status, { ok: false, error: { code, message } });
}
