import { DEFAULT_LOCALE, Locale } from '../../../shared/i18n/locale';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { appendTrail } from '../audit-trail/trail';
import { userInfo } from 'node:os';
import type { Core } from '../core';
import { readSettings, writeSetting } from '../db/repos/settings';
import { writeTransaction } from '../db/transaction';

/** Settings with defaults filled in; a stored value that no longer parses falls back to the default. */
export function getSettings(core: Pick<Core, 'db'>): Settings {
  const raw = readSettings(core.db);
  const locale = Locale.safeParse(raw.get('locale'));
  return {
    locale: locale.success ? locale.data : DEFAULT_LOCALE,
    actorName: raw.get('actorName') || osUserName(),
  };
}

export function updateSettings(core: Core, patch: SettingsPatch): Settings {
  writeTransaction(core.db, () => {
    const before = getSettings(core);
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) writeSetting(core.db, key, value);
    const after = getSettings(core);
    appendTrail(
      core.db,
      { projectId: null, entity: 'settings', entityId: 'settings', action: 'update', actor: after.actorName, before, after },
      core.now().toISOString(),
    );
  });
  return getSettings(core);
}

let accountName: string | undefined;

/** The OS account name: the default "who" until the user sets their own. Read once: the lookup opens /etc/passwd. */
function osUserName(): string {
  if (accountName === undefined) {
    try {
      accountName = userInfo().username;
    } catch {
      accountName = 'unknown';
    }
  }
  return accountName;
}
