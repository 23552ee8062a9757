import { execFileSync } from 'node:child_process';

/** CLI tests run the built CLI as a user would, and job tests need the worker bundles: build them first. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
}
