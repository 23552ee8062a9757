import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/ipc/result';
import { WEB_API } from '../../shared/ipc/web';

/** `adsg ui` running as a child process, exactly as a user starts it with --no-open. */
export interface UiProcess {
  /** The address it printed: `http://127.0.0.1:PORT/#k=TOKEN`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** A read-only connection to its database, to check what was (not) recorded. */
  readonly db: Database.Database;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** What waits in its work folder (`evidence/.tmp/web-<pid>-…`): uploads and downloads, by name; empty once it is gone. */
  transfers(): string[];
  /** A call through the HTTP API with the token, as the page makes it. */
  call<T = unknown>(channel: string, input: unknown, uploads?: string[]): Promise<Result<T> & { downloads?: { ticket: string; name: string }[] }>;
  /** Ctrl-C: resolves with its exit code once it has stopped. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built CLI's `adsg ui --no-open --port 0 --data-dir DIR` and reads the address it
 * prints. `env` is added to the child's environment (ADSG_RENDERER_DIR, a language).
 */
export async function startUi(options: { dataDir?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<UiProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'adsg-ui-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(process.cwd(), 'bin/adsg.cjs'), 'ui', '--no-open', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    { env: { ...process.env, ADSG_LANG: 'en', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': stderr is complete only once the pipes have closed.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`adsg ui printed no address in 30 s:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /^ADSG Workbench: (http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]+)$/m.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`adsg ui exited (${code}) before printing its address:\n${stderr}`));
    });
  });
  const { origin, port, hash } = new URL(url);
  const token = hash.slice(`#${WEB_API.tokenParam}=`.length);
  let db: Database.Database | undefined;
  return {
    url,
    origin,
    port: Number(port),
    token,
    dataDir,
    get db() {
      return (db ??= new Database(join(dataDir, 'workbench.sqlite'), { readonly: true, fileMustExist: true }));
    },
    stderr: () => stderr,
    transfers: () => {
      const tmp = join(dataDir, 'evidence', '.tmp');
      const own = existsSync(tmp) ? readdirSync(tmp).filter((name) => name.startsWith(`web-${child.pid}-`)) : [];
      return own.flatMap((name) => readdirSync(join(tmp, name)));
    },
    call: async (channel, input, uploads = []) => {
      const response = await fetch(`${origin}${WEB_API.call}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEB_API.tokenHeader]: token, ...(uploads.length ? { [WEB_API.uploadsHeader]: uploads.join(',') } : {}) },
        body: JSON.stringify(input),
      });
      return (await response.json()) as never;
    },
    stop: async () => {
      db?.close();
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
