import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { WEB_MESSAGES } from '../../shared/i18n/web-messages';
import { WEB_API } from '../../shared/ipc/web';
import { dataPaths } from '../../electron/core/paths';
import { fixtureRenderer } from './fixture-renderer';
import { rawRequest } from './raw-http';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { startUi } from './ui-process';

test('Ctrl-C stops adsg ui cleanly: the running upload is cancelled and removed, the database closed, exit 0', async () => {
  const ui = await startUi({ env: { ADSG_RENDERER_DIR: fixtureRenderer().dir } });
  const size = 64 * 1024 * 1024;
  // An upload under way (a quarter sent, the rest never comes) and an event stream open.
  const events = await fetch(`${ui.origin}${WEB_API.events}`, { headers: { [WEB_API.tokenHeader]: ui.token } });
  const upload = rawRequest(
    ui.port,
    `POST ${WEB_API.upload}?name=big.bin&size=${size}&job=stop-1&kind=evidence HTTP/1.1\nHost: 127.0.0.1:${ui.port}\n${WEB_API.tokenHeader}: ${ui.token}\ncontent-length: ${size}`,
    Buffer.alloc(size / 4, 3),
  );
  await expect.poll(() => ui.transfers().length).toBe(1);
  expect(existsSync(join(ui.dataDir, 'workbench.sqlite-wal'))).toBe(true);

  const code = await ui.stop();
  expect(code).toBe(0);
  expect(ui.stderr()).toContain(WEB_MESSAGES['ui.stopping'].en);
  expect(ui.stderr()).toContain(WEB_MESSAGES['ui.stopped'].en);
  // The upload's connection was ended (the aborted body stream takes its socket down with it), and so was the event stream.
  expect([0, 400]).toContain((await upload).status);
  expect(events.status).toBe(200);
  await expect(events.text()).resolves.toContain(': open');
  // Nothing left behind: no temp file, and SQLite removes its WAL only when the last connection closes.
  expect(ui.transfers()).toEqual([]);
  expect(existsSync(join(dataPaths(ui.dataDir).evidence, '.tmp'))).toBe(false);
  expect(existsSync(join(ui.dataDir, 'workbench.sqlite-wal'))).toBe(false);
}, 60_000);

test('a port already in use is a clear message and exit code 2, the data folder untouched', async () => {
  const first = await startUi({ env: { ADSG_RENDERER_DIR: fixtureRenderer().dir } });
  try {
    const second = await startUi({ env: { ADSG_RENDERER_DIR: fixtureRenderer().dir }, args: ['--port', String(first.port)] }).then(
      () => 'started',
      (e: Error) => e.message,
    );
    expect(second).toContain(WEB_MESSAGES['ui.port-in-use'].en.replace('{port}', String(first.port)));
    expect(second).toContain('exited (2)');
  } finally {
    expect(await first.stop()).toBe(0);
  }
}, 60_000);

test('without a built renderer it says what to do and exits 1', async () => {
  const r = await startUi({ env: { ADSG_RENDERER_DIR: join(fixtureRenderer().dir, 'missing') } }).then(
    () => 'started',
    (e: Error) => e.message,
  );
  expect(r).toContain('Run npm run build (or npm start) first.');
  expect(r).toContain('exited (1)');
}, 60_000);

test('a port that is not one is bad input: exit 2 with the reason', () => {
  for (const port of ['99999', '-1', 'abc', '80.5']) {
    const r = runCli(['ui', '--no-open', '--port', port, '--data-dir', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(WEB_MESSAGES['ui.port'].en);
  }
});

test('what a crashed web host left (a half upload, an unfetched download) is cleared at the next start; a running one\'s is not', async () => {
  const dataDir = tempDir();
  const tmp = join(dataPaths(dataDir).evidence, '.tmp');
  // A web host that died: its pid is beyond any the system hands out.
  const dead = join(tmp, 'web-4194305-x-0123456789abcdef');
  for (const dir of ['up-leftover', 'down-leftover']) {
    mkdirSync(join(dead, dir), { recursive: true });
    writeFileSync(join(dead, dir, 'file.bin'), 'half');
  }
  const first = await startUi({ dataDir, env: { ADSG_RENDERER_DIR: fixtureRenderer().dir } });
  const second = await startUi({ dataDir, env: { ADSG_RENDERER_DIR: fixtureRenderer().dir } });
  try {
    expect(existsSync(dead)).toBe(false);
    // Each running host keeps its own folder, whoever starts after it.
    expect(readdirSync(tmp).filter((n) => n.startsWith('web-'))).toHaveLength(2);
  } finally {
    expect(await second.stop()).toBe(0);
    expect(await first.stop()).toBe(0);
  }
}, 60_000);
