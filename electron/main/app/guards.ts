import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/** Requests that stay on the machine: our own pages, inline data, and devtools in development. */
function isLocal(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:');
}

/**
 * The session-wide rules: every request off the machine is cancelled, every permission request
 * (camera, notifications, geolocation…) is denied.
 */
export function guardSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const blocked = !isLocal(details.url);
    if (blocked) console.warn('[adsg] blocked request', details.url.slice(0, 200));
    callback({ cancel: blocked });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** No navigation away from our pages, no new windows, no webviews, in every web contents. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
