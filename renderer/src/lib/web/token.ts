import { WEB_API } from '../../../../shared/ipc/web';

const STORAGE_KEY = 'adsg.session-token';

/**
 * The session token: `adsg ui` puts it in the address's fragment (`#k=TOKEN`, never sent to a
 * server). The page moves it into this tab's sessionStorage and takes it out of the address bar
 * and the history, so a reload keeps working and the token is not left lying in the URL.
 */
export function takeToken(): string | null {
  const match = new RegExp(`^#${WEB_API.tokenParam}=([A-Za-z0-9_-]+)`).exec(location.hash);
  if (match) {
    sessionStorage.setItem(STORAGE_KEY, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
