import { spawn } from 'node:child_process';

/** The system's "open this address" command. */
function opener(url: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens `url` in the user's browser (xdg-open / open / the Windows URL handler), detached.
 * Resolves false when the opener is missing or reports failure, so the caller can say so.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const [command, args] = opener(url, platform);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    // An opener still running after a while has handed over to a browser that stays open.
    const timer = setTimeout(() => resolve(true), 5_000).unref();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.unref();
  });
}
