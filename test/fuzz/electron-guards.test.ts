import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { DROPPED_PATH_CHANNEL } from '../../shared/ipc/events';
import { isGranted } from '../../electron/main/ipc/granted-paths';
import { CHANNELS } from '../../shared/ipc/contract';
// vi.mock below is hoisted above these imports: main's modules register with a fake Electron.
import { guardSession, guardWebContents } from '../../electron/main/app/guards';
import { registerIpc } from '../../electron/main/ipc/router';
import { tempCore } from '../helpers/temp';
import { FUZZ_SEED } from './arbitraries';

type Listener = (...args: never[]) => unknown;
/** What main registered with Electron, captured by the fake below. */
const fake = vi.hoisted(() => ({
  ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  on: new Map<string, (event: unknown, payload: unknown) => void>(),
  session: new Map<string, Listener>(),
  app: new Map<string, Listener>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => fake.ipc.set(channel, handler),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => fake.on.set(channel, listener),
  },
  BrowserWindow: { fromWebContents: (contents: { window?: object }) => contents.window ?? null },
  dialog: {},
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (listener: Listener) => fake.session.set('request', listener) },
      setPermissionRequestHandler: (listener: Listener) => fake.session.set('permission', listener),
      setPermissionCheckHandler: (listener: Listener) => fake.session.set('permission-check', listener),
    },
  },
  app: { on: (event: string, listener: Listener) => fake.app.set(event, listener) },
}));

/** An IPC event as Electron gives it: the frame that sent it, and the window's own main frame. */
function event(url: string | null, options: { subframe?: boolean; window?: boolean } = {}) {
  const mainFrame = { url: url ?? '' };
  const senderFrame = url === null ? null : options.subframe ? { url } : mainFrame;
  return { senderFrame, sender: { mainFrame, window: options.window === false ? undefined : { isDestroyed: () => false } } };
}

describe('door: IPC senders (electron/main/ipc/router.ts)', () => {
  const core = tempCore();
  registerIpc(core, () => undefined);
  const call = (e: unknown, channel = 'app:info') => fake.ipc.get(channel)!(e, {});

  test('every contract channel is registered, and our own top-level page is served', async () => {
    expect([...fake.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(await call(event('app://workbench/index.html'))).toMatchObject({ ok: true });
  });

  test('only our own page can report a dropped file, and only absolute paths count', () => {
    const report = fake.on.get(DROPPED_PATH_CHANNEL)!;
    report(event('https://evil.example/'), '/etc/shadow');
    report(event('app://workbench/index.html', { subframe: true }), '/etc/passwd');
    report(event('app://workbench/index.html'), 'relative.txt');
    report(event('app://workbench/index.html'), '/home/auditor/photo.jpg');
    expect(['/etc/shadow', '/etc/passwd', 'relative.txt'].map(isGranted)).toEqual([false, false, false]);
    expect(isGranted('/home/auditor/photo.jpg')).toBe(true);
  });

  test('another origin, a subframe, a vanished frame or no window is refused before dispatch', async () => {
    const refused = { ok: false, error: { code: 'forbidden' } };
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://workbench.evil.example/', 'app://workbenchx/', 'app://evil/', 'data:text/html,x', 'about:blank', '']) {
      expect(await call(event(url)), url).toMatchObject(refused);
    }
    expect(await call(event('app://workbench/index.html', { subframe: true }))).toMatchObject(refused);
    expect(await call(event(null))).toMatchObject(refused);
    expect(await call(event('app://workbench/index.html', { window: false }))).toMatchObject(refused);
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ withQueryParameters: true, withFragments: true }), async (url) => {
        expect(await call(event(url), 'settings:update')).toMatchObject(refused);
      }),
      { seed: FUZZ_SEED, numRuns: 100 },
    );
  });
});

describe('door: the network and the browser itself (electron/main/app/guards.ts)', () => {
  guardSession();
  guardWebContents();

  const cancelled = (url: string) => {
    let decision: { cancel: boolean } | undefined;
    (fake.session.get('request') as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (decision = r));
    return decision!.cancel;
  };

  test('every request off the machine is cancelled; our pages are served', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/', 'app://evil/', 'app://workbench.evil/']) expect(cancelled(url), url).toBe(true);
    for (const url of ['app://workbench/index.html', 'data:image/png;base64,AA==', 'blob:app://workbench/1']) expect(cancelled(url), url).toBe(false);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(cancelled(url)).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });

  test('permissions are denied; navigation away, redirects, webviews and new windows are stopped', () => {
    let granted: boolean | undefined;
    (fake.session.get('permission') as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect((fake.session.get('permission-check') as () => boolean)()).toBe(false);

    const on = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    (fake.app.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, { on: (name: string, l: never) => on.set(name, l), setWindowOpenHandler: (h: () => { action: string }) => (openHandler = h) });
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      on.get(name)!({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'app://workbench/#/projects')).toBe(false);
    expect(prevented('will-redirect')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});
