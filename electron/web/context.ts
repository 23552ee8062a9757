import type { Locale } from '../../shared/i18n/locale';
import type { Core } from '../core/core';
import type { Downloads } from './downloads';
import type { EventHub } from './event-hub';
import type { Running } from './running';
import type { Uploads } from './uploads';

/** Everything a request handler of the web host works with. */
export interface HostContext {
  core: Core;
  port: number;
  token: string;
  rendererDir: string;
  hub: EventHub;
  uploads: Uploads;
  downloads: Downloads;
  running: Running;
  /** Set once stopping began: new requests are turned away while running work winds down. */
  stopping: boolean;
}

/** The user's language for messages after the door (settings cannot be read: zh-CN, the default). */
export function localeOf(core: Core): Locale {
  try {
    return core.locale();
  } catch {
    return 'zh-CN';
  }
}
