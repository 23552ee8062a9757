import type { Api, Host } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e test bridge): one function per contract channel. */
    api: Api;
    /** Events from main and dropped-file paths (preload or the e2e test bridge). */
    host: Host;
  }
}
