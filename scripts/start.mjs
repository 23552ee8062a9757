// `npm start`: build everything, make sure Electron and a better-sqlite3 built for Electron's ABI
// exist, then launch the app. node_modules keeps the Node build of better-sqlite3 (for the tests
// and the CLI); the Electron build lives in .cache/electron-native and main loads it from there.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const electronVersion = require('electron/package.json').version;
const nativeDir = join(root, '.cache', 'electron-native');
const stamp = join(nativeDir, 'electron-version.txt');

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

// An install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 has no Electron binary yet: fetch it now.
const electronPkg = join(root, 'node_modules', 'electron');
if (!existsSync(join(electronPkg, 'path.txt'))) {
  execFileSync(process.execPath, [join(electronPkg, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
}

if (!existsSync(join(nativeDir, 'better_sqlite3.node')) || readFileSync(stamp, 'utf8').trim() !== electronVersion) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about a minute)…`);
  const work = join(nativeDir, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native-work', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), { recursive: true });
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  cpSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(nativeDir, 'better_sqlite3.node'));
  writeFileSync(stamp, electronVersion);
  rmSync(work, { recursive: true, force: true });
}

const child = spawn(require('electron'), ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
