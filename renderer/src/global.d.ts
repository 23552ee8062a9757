import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e test bridge): one function per contract channel. */
    api: Api;
  }
}
