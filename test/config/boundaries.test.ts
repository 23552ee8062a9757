import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';

/** Writes a probe file inside a folder, runs the real lint/typecheck on it, then removes it. */
const probes: string[] = [];
afterEach(() => probes.splice(0).forEach((p) => rmSync(p, { force: true })));

function lint(path: string, source: string) {
  writeFileSync(path, source);
  probes.push(path);
  return spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--no-warn-ignored', path], { encoding: 'utf8' });
}

describe('process boundaries are enforced', () => {
  test('shared/ may not import Node or other folders', () => {
    const r = lint('shared/__probe.ts', "import { readFileSync } from 'node:fs';\nimport { openCore } from '../electron/core/core';\nexport const x = [readFileSync, openCore];\n");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('shared/ is pure');
    expect(r.stdout).toContain('shared/ imports nothing from other folders');
  });

  test('the renderer may not import core or Node', () => {
    const r = lint('renderer/src/__probe.ts', "import { openCore } from '../../electron/core/core';\nimport fs from 'node:fs';\nexport const x = [openCore, fs];\n");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The renderer imports only shared/');
  });

  test('core may not import electron', () => {
    const r = lint('electron/core/__probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('never import Electron');
  });

  test('the web host may not import electron, main (but for the CSP) or the preload', () => {
    const r = lint('electron/web/__probe.ts', "import { app } from 'electron';\nimport { registerIpc } from '../main/ipc/router';\nimport { CONTENT_SECURITY_POLICY } from '../main/app/csp';\nexport const x = [app, registerIpc, CONTENT_SECURITY_POLICY];\n");
    expect(r.status).toBe(1);
    expect(r.stdout.match(/The web host runs in plain Node/g)).toHaveLength(2);
  });

  test('shared/ compiles without Node or DOM types', () => {
    writeFileSync('shared/__probe.ts', 'export const x = typeof process + typeof document;\n');
    probes.push('shared/__probe.ts');
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.shared.json'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/Cannot find name 'process'/);
    expect(r.stdout).toMatch(/Cannot find name 'document'/);
  });
});
