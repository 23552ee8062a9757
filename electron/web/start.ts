import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { WEB_API } from '../../shared/ipc/web';
import { openCore } from '../core/core';
import { openWorkFolder } from '../core/evidence/work-folder';
import type { IntegrityProblem } from '../core/integrity/problems';
import type { HostContext } from './context';
import { Downloads } from './downloads';
import { EventHub } from './event-hub';
import { requestHandler } from './router';
import { Running } from './running';
import { newToken } from './token';
import { Uploads } from './uploads';
import { WebError } from './web-error';

/** How long stopping waits for cancelled jobs to wind down before closing the database anyway. */
const STOP_WAIT_MS = 10_000;

export interface WebHostOptions {
  dataDir: string;
  appVersion: string;
  /** 0 lets the system choose a free port. */
  port: number;
  /** The built renderer: ADSG_RENDERER_DIR, else dist/renderer beside the running bundle. */
  rendererDir?: string;
}

/** A running web host. */
export interface WebHost {
  /** `http://127.0.0.1:PORT/#k=TOKEN`: what the user opens (the fragment never reaches a server). */
  url: string;
  port: number;
  /** What opening the data folder has to say once (anchors created for an older folder), if anything. */
  notice: IntegrityProblem | null;
  /** Cancels running jobs, waits for calls to settle, closes the server and the database. */
  close(): Promise<void>;
}

/** dist/renderer beside the running bundle (dist/cli/adsg.cjs → dist/renderer). */
export function defaultRendererDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ADSG_RENDERER_DIR ?? resolve(import.meta.dirname, '..', 'renderer');
}

/**
 * Starts the browser host over the data folder: the same core and dispatcher as the desktop app,
 * the same renderer, on 127.0.0.1 only, behind a fresh token.
 * @throws WebError `ui.no-renderer` | `ui.port-in-use`; core's AppError when the data folder cannot be opened
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir());
  if (!existsSync(join(rendererDir, 'index.html'))) throw new WebError(500, 'not-found', 'ui.no-renderer', { dir: rendererDir });
  // Opening the data folder also sweeps what ended processes left, a crashed web host's files included.
  const core = openCore({ dataDir: options.dataDir, appVersion: options.appVersion });
  const hub = new EventHub();
  let transfers: ReturnType<typeof openWorkFolder> | undefined;
  try {
    // Uploads and downloads wait in a work folder of this process: other hosts' start-up sweeps leave it alone while it runs.
    transfers = openWorkFolder(core.db, core.paths.evidence, 'web');
    const ctx: HostContext = {
      core,
      port: 0,
      token: newToken(),
      rendererDir,
      hub,
      uploads: new Uploads(transfers.path),
      downloads: new Downloads(transfers.path),
      running: new Running(),
      stopping: false,
    };
    const server = createServer({ requestTimeout: 0 }, requestHandler(ctx));
    ctx.port = await listen(server, options.port);
    let closing: Promise<void> | undefined;
    const close = async () => {
      ctx.stopping = true;
      server.close();
      server.closeIdleConnections();
      await ctx.running.stop(STOP_WAIT_MS);
      hub.close();
      server.closeAllConnections();
      await Promise.all([ctx.uploads.clear(), ctx.downloads.clear()]);
      transfers?.close();
      core.close();
    };
    return {
      url: `http://127.0.0.1:${ctx.port}/#${WEB_API.tokenParam}=${ctx.token}`,
      port: ctx.port,
      notice: core.anchors.notice,
      close: () => (closing ??= close()),
    };
  } catch (error) {
    hub.close();
    transfers?.close();
    core.close();
    throw error;
  }
}

/** Listens on the loopback address only; a taken port is a WebError the user can act on. */
function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new WebError(500, 'conflict', 'ui.port-in-use', { port }) : error),
    );
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}
