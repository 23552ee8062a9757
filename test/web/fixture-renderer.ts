import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp';

/**
 * A stand-in for the built renderer (index.html and one asset), with a secret file beside it that
 * no request may read: the door tests need no Vite build, and can tell a traversal by its content.
 */
export function fixtureRenderer(): { dir: string; secret: string } {
  const root = tempDir('adsg-web-root-');
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ADSG Workbench</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};\n');
  const secret = 'SECRET-beside-the-renderer';
  writeFileSync(join(root, 'secret.txt'), secret);
  return { dir, secret };
}
