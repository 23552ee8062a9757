import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `adsg` CLI in a child process, as a user would (built by test/global-setup.ts). */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/adsg.cjs'), ...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ADSG_LANG: 'en', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
