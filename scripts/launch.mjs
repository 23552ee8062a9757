// After the build: start the desktop app, or the browser mode (`adsg ui`) where the desktop app
// cannot run here. Kept apart from start.mjs (which builds first) so it can be tested alone.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startMessage } from './start-messages.mjs';

const require = createRequire(import.meta.url);

/** Node versions the workbench runs on (the CLI, the tests, the browser mode): the range Vite and pkijs declare. */
export function nodeRuns(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return (major === 20 && minor >= 19) || major > 22 || (major === 22 && minor >= 12);
}

/** The desktop app's own tools (the Electron package, @electron/get, @electron/rebuild) declare Node 22.12+. */
export function nodeRunsDesktop(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** True when node_modules/electron has its binary (an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 has none). */
export function electronBinaryPresent(root) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  return existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** Fetches the Electron binary (internet, once); false when it cannot, its output kept off the screen. */
function fetchElectron(root) {
  console.log(startMessage('fetching'));
  const install = join(root, 'node_modules', 'electron', 'install.js');
  const r = spawnSync(process.execPath, [install], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' }, stdio: 'pipe', timeout: 120_000 });
  return r.status === 0 && electronBinaryPresent(root);
}

/** Where better-sqlite3 built for Electron's ABI lives (main loads it from there in development). */
function nativePaths(root) {
  const dir = join(root, '.cache', 'electron-native');
  return { dir, binding: join(dir, 'better_sqlite3.node'), stamp: join(dir, 'electron-version.txt'), electronVersion: require('electron/package.json').version };
}

/** True when the Electron build of better-sqlite3 is there for this Electron version. */
function nativeReady(root) {
  const { binding, stamp, electronVersion } = nativePaths(root);
  return existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion;
}

/** Builds better-sqlite3 for Electron (once per Electron version; needs Electron's headers); false when it cannot. */
async function buildNative(root) {
  const { dir, binding, stamp, electronVersion } = nativePaths(root);
  console.log(startMessage('native', { version: electronVersion }));
  const work = join(dir, 'work');
  try {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(work, 'node_modules'), { recursive: true });
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native-work', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
    cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), { recursive: true });
    const { rebuild } = require('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    cpSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
    writeFileSync(stamp, electronVersion);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Why the desktop app cannot start here (a message key), or null once it can. Electron brings its
 * own Node; only the tools that fetch it and rebuild better-sqlite3 need Node 22.12+.
 */
async function desktopBlocker(root) {
  const tools = nodeRunsDesktop();
  if (!electronBinaryPresent(root)) {
    if (!tools) return 'reason.node';
    if (!fetchElectron(root)) return 'reason.binary';
  }
  if (!nativeReady(root)) {
    if (!tools) return 'reason.node';
    if (!(await buildNative(root))) return 'reason.native';
  }
  return null;
}

/** Runs a child to its end, exiting with its code. */
function runToEnd(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/**
 * The browser mode: `adsg ui` with the arguments given. Ctrl-C is passed on once: the child has
 * its own process group (POSIX), so the terminal's signal reaches it only through here and it
 * stops cleanly instead of hearing it twice.
 */
function browserMode(root, args) {
  const child = runToEnd(process.execPath, [join(root, 'bin', 'adsg.cjs'), 'ui', ...args], { detached: process.platform !== 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.platform !== 'win32' && child.kill(signal));
}

/** `npm start [-- --browser] [-- ui options]` after the build: the desktop app, else the browser mode with one line saying why. */
export async function launch(argv, root = process.cwd()) {
  const args = argv.filter((a) => a !== '--browser');
  if (argv.includes('--browser')) return browserMode(root, args);
  const blocker = await desktopBlocker(root);
  if (blocker) {
    console.log(startMessage('no-desktop', { reason: startMessage(blocker, { version: process.version }) }));
    return browserMode(root, args);
  }
  runToEnd(require('electron'), ['.']);
}
