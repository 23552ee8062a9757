import type { IncomingMessage, ServerResponse } from 'node:http';
import { webMessage, webMessageBoth } from '../../shared/i18n/web-messages';
import { WEB_API, WebId } from '../../shared/ipc/web';
import { handleCall } from './call';
import { localeOf, type HostContext } from './context';
import { checkDoors } from './doors';
import { refuse } from './reply';
import { serveFile, staticTarget } from './static-files';
import { sameToken } from './token';
import { handleUpload } from './upload-route';
import { WebError } from './web-error';

/**
 * Every request, in order: a request target that is a plain path; the doors (Host, Origin,
 * Sec-Fetch-Site: 403); then a download by its one-time ticket, the API behind the session token
 * (401 without it, and nothing runs), or a static file of the renderer. Refusals made before the
 * caller proved who they are speak both languages and read nothing from the data folder.
 */
export function requestHandler(ctx: HostContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let authenticated = false;
    const run = async () => {
      if (ctx.stopping) throw new WebError(503, 'io', 'stopping');
      const target = req.url ?? '';
      if (!target.startsWith('/')) throw new WebError(400, 'validation', 'bad-path');
      const door = checkDoors(req, ctx.port);
      if (door) throw new WebError(403, 'forbidden', door);
      const query = target.indexOf('?');
      const path = query < 0 ? target : target.slice(0, query);
      if (path.startsWith(WEB_API.download)) return download(req, res, path.slice(WEB_API.download.length), ctx);
      if (path.startsWith('/api/')) {
        if (!sameToken(req.headers[WEB_API.tokenHeader], ctx.token)) throw new WebError(401, 'forbidden', 'token');
        authenticated = true;
        return api(req, res, path, target, ctx);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new WebError(405, 'forbidden', 'method');
      const found = staticTarget(ctx.rendererDir, path);
      if ('refused' in found) throw new WebError(found.refused === 'bad-path' ? 400 : 404, 'not-found', found.refused);
      if (!(await serveFile(req, res, found.file))) throw new WebError(404, 'not-found', 'not-found');
    };
    run().catch((error: unknown) => {
      if (!(error instanceof WebError)) {
        console.error('[adsg ui] request failed', error);
        error = new WebError(500, 'internal', 'internal', { detail: (error as Error)?.message ?? String(error) });
      }
      const e = error as WebError;
      refuse(res, e.status, e.code, authenticated ? webMessage(localeOf(ctx.core), e.key, e.params) : webMessageBoth(e.key, e.params));
    });
  };
}

/** GET /api/download/<ticket>: the ticket is the only credential, and it works once. */
function download(req: IncomingMessage, res: ServerResponse, ticket: string, ctx: HostContext): void {
  if (req.method !== 'GET') throw new WebError(405, 'forbidden', 'method');
  if (!WebId.safeParse(ticket).success || !ctx.downloads.serve(ticket, res)) throw new WebError(404, 'not-found', 'download-gone');
}

/** A percent-encoded path part; one that does not decode names nothing. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new WebError(404, 'not-found', 'not-found');
  }
}

async function api(req: IncomingMessage, res: ServerResponse, path: string, target: string, ctx: HostContext): Promise<void> {
  if (path === WEB_API.events) {
    if (req.method !== 'GET') throw new WebError(405, 'forbidden', 'method');
    return ctx.hub.open(res);
  }
  if (path === WEB_API.upload) return handleUpload(req, res, new URL(target, 'http://127.0.0.1'), ctx);
  if (path.startsWith(WEB_API.call)) return handleCall(req, res, decodePart(path.slice(WEB_API.call.length)), ctx);
  throw new WebError(404, 'not-found', 'not-found');
}
