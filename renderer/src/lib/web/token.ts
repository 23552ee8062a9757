import { WEB_API } from '../../../../shared/ipc/web';

const STORAGE_KEY = 'adsg.session-token';
const TOKEN_IN_HASH = new RegExp(`^#${WEB_API.tokenParam}=([A-Za-z0-9_-]+)`);

/** True when the address carries a token (a new one, when pasted into a tab already open). */
export const tokenInAddress = (): boolean => TOKEN_IN_HASH.test(location.hash);

/**
 * The session token: `adsg ui` puts it in the address's fragment (`#k=TOKEN`, never sent to a
 * server). The page moves it into this tab's sessionStorage and takes it out of the address bar
 * and the history, so a reload keeps working and the token is not left lying in the URL.
 */
export function takeToken(): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match) {
    sessionStorage.setItem(STORAGE_KEY, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
