import { homedir } from 'node:os';
import { join } from 'node:path';

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
    /** Each audit chain's end, MAC-ed (integrity/anchor.ts). */
    anchor: join(dataDir, 'workbench.anchor.json'),
    evidence: join(dataDir, 'evidence'),
    identities: join(dataDir, 'identities'),
    trust: join(dataDir, 'trust'),
    /** Rules packs the user installed (`adsg rules install`); never overwritten. */
    rules: join(dataDir, 'rules'),
  };
}
