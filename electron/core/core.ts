import type { Database } from 'better-sqlite3';
import type { Locale } from '../../shared/i18n/locale';
import { openDatabase } from './db/connection';
import type { MigrationReport } from './db/migrate';
import { SCHEMA_VERSION } from './db/migrations';
import { sweepStaleWork } from './evidence/sweep';
import { AnchorKeeper } from './integrity/anchor';
import { defaultKeyDir } from './integrity/key';
import { dataPaths } from './paths';
import { JobRegistry } from './jobs/registry';
import { defaultRulesDir } from './rules/default-dir';
import type { RulesDirs } from './rules/locations';
import { getSettings } from './settings/service';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  /** better_sqlite3.node for the running runtime; see README "native modules". */
  nativeBinding?: string;
  /** Folder of the compiled rules packs shipped with the program (default: dist/rules beside the running bundle). */
  rulesDir?: string;
  /** Injectable clock so tests and deterministic outputs can fix time. */
  now?: () => Date;
  /** Folder of this account's anchor key (default: ADSG_KEY_DIR, else a per-user folder outside the data folder). */
  keyDir?: string;
}

/** Everything services need: the open database, the data folder and the clock. */
export interface Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly paths: ReturnType<typeof dataPaths>;
  readonly appVersion: string;
  /** Where compiled packs are read from: shipped with the program, then installed into the data folder. */
  readonly rulesDir: RulesDirs;
  readonly schemaVersion: number;
  readonly migration: MigrationReport;
  now(): Date;
  /** The user's language, read from settings on each call so a switch applies at once. */
  locale(): Locale;
  /** "Who" for the audit trail. */
  actor(): string;
  /** Long jobs under way (cancellable by id). */
  readonly jobs: JobRegistry;
  /** Keeps every audit chain's end in the MAC-ed anchor file beside the database. */
  readonly anchors: AnchorKeeper;
  /** Anchors what is pending, then closes the database. */
  close(): void;
}

/** Opens the data folder: the composition root of main, the CLI, the web host and tests. */
export function openCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
  const { db, migration } = openDatabase(paths.database, { nativeBinding: options.nativeBinding });
  // Every host (app, CLI, web host) starts here, so leftovers of processes that died mid-write go
  // whoever starts next; folders of processes still running are left alone.
  sweepStaleWork(db, paths.evidence);
  const now = options.now ?? (() => new Date());
  const anchors = new AnchorKeeper(db, { file: paths.anchor, keyDir: options.keyDir ?? defaultKeyDir(), now });
  const core: Core = {
    db,
    dataDir: options.dataDir,
    paths,
    appVersion: options.appVersion,
    rulesDir: { shipped: options.rulesDir ?? defaultRulesDir(), installed: paths.rules },
    schemaVersion: SCHEMA_VERSION,
    migration,
    now,
    locale: () => getSettings(core).locale,
    actor: () => getSettings(core).actorName,
    jobs: new JobRegistry(),
    anchors,
    close: () => {
      anchors.close();
      db.close();
    },
  };
  return core;
}
