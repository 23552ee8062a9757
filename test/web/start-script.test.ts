import { spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { electronBinaryPresent, nodeRuns, nodeRunsDesktop } from '../../scripts/launch.mjs';
import { START_MESSAGES } from '../../scripts/start-messages.mjs';
import { tempDir } from '../helpers/temp';

describe('npm start checks the Node version it runs on', () => {
  test.each([
    ['18.20.4', false, false],
    ['20.18.1', false, false],
    ['20.19.0', true, false],
    ['21.7.3', false, false],
    ['22.11.0', false, false],
    ['22.12.0', true, true],
    ['24.1.0', true, true],
  ])('Node %s: runs %s, desktop tools %s', (version, runs, desktop) => {
    expect(nodeRuns(version)).toBe(runs);
    expect(nodeRunsDesktop(version)).toBe(desktop);
  });
});

/**
 * Runs scripts/launch.mjs (what `npm start` does after building) for a checkout at `root` that
 * has the CLI but no Electron, until the browser mode prints its address; then Ctrl-C.
 */
async function launchWithoutElectron(args: string[]): Promise<{ output: string; code: number | null }> {
  const root = tempDir('adsg-checkout-');
  symlinkSync(join(process.cwd(), 'bin'), join(root, 'bin'));
  expect(electronBinaryPresent(root)).toBe(false);
  const script = `import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'scripts/launch.mjs')).href)}).then((m) => m.launch(${JSON.stringify(args)}, ${JSON.stringify(root)}))`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ADSG_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  await expect.poll(() => output, { timeout: 30_000 }).toMatch(/^ADSG Workbench: http:\/\/127\.0\.0\.1:\d+\/#k=/m);
  child.kill('SIGINT');
  // 'close', not 'exit': the output is complete only once the pipes have closed.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { output, code };
}

describe('npm start without the Electron binary', () => {
  test('says so in one line, with how to get the desktop app, then starts the browser mode; Ctrl-C stops it cleanly', async () => {
    const { output, code } = await launchWithoutElectron(['--no-open', '--port', '0', '--data-dir', tempDir()]);
    const reason = nodeRunsDesktop() ? START_MESSAGES['reason.binary'].en : START_MESSAGES['reason.node'].en.replace('{version}', process.version);
    const lines = output.split('\n');
    expect(lines.filter((l) => l.includes('starting the browser mode instead'))).toEqual([START_MESSAGES['no-desktop'].en.replace('{reason}', reason)]);
    expect(output).toContain('npm run dist');
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).toContain('ADSG Workbench has stopped.');
    expect(code).toBe(0);
  }, 60_000);

  test('--browser starts the browser mode on purpose, without a word about the desktop app', async () => {
    const { output, code } = await launchWithoutElectron(['--browser', '--no-open', '--data-dir', tempDir()]);
    expect(output).not.toContain('starting the browser mode instead');
    expect(code).toBe(0);
  }, 60_000);
});
