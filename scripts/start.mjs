// `npm start`: check Node, build everything, then start the desktop app — or, where it cannot run
// (no Electron binary and none can be fetched, a Node too old for Electron's tools), the browser
// mode `adsg ui`. `npm start -- --browser` chooses the browser mode on purpose; other arguments
// go to `adsg ui` (`--no-open`, `--port N`, `--data-dir DIR`). node_modules keeps the Node build
// of better-sqlite3 (tests, CLI, browser mode); the Electron build lives in .cache/electron-native.
import { execFileSync } from 'node:child_process';
import { launch, nodeRuns } from './launch.mjs';
import { startMessage } from './start-messages.mjs';

if (!nodeRuns()) {
  console.error(startMessage('node-too-old', { version: process.version }));
  process.exit(1);
}
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
await launch(process.argv.slice(2));
