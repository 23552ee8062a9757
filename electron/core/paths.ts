import { homedir } from 'node:os';
import { join } from 'node:path';
import { TEMP_DIR_NAME } from './evidence/paths';

/** The folder Electron's app.getPath('userData') gives for our productName, so the CLI and the app share data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ADSG_DATA_DIR) return env.ADSG_DATA_DIR;
  const app = 'ADSG Workbench';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), app);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', app);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), app);
}

/** Where each kind of data lives inside a data folder. */
export function dataPaths(dataDir: string) {
  return {
    database: join(dataDir, 'workbench.sqlite'),
    evidence: join(dataDir, 'evidence'),
    identities: join(dataDir, 'identities'),
    trust: join(dataDir, 'trust'),
    /**
     * Files a host is passing between the user and core: the web host's uploads waiting for the
     * call that reads them, and the files a call saved until they are downloaded. Inside the
     * evidence temp area, which start-up clears, so a crash leaves nothing behind for long.
     */
    transfers: join(dataDir, 'evidence', TEMP_DIR_NAME, 'transfers'),
  };
}
