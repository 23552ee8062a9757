import type { Database } from 'better-sqlite3';
import type { Locale } from '../../shared/i18n/locale';
import { openDatabase } from './db/connection';
import type { MigrationReport } from './db/migrate';
import { SCHEMA_VERSION } from './db/migrations';
import { dataPaths } from './paths';
import { JobRegistry } from './jobs/registry';
import { defaultRulesDir } from './rules/default-dir';
import { getSettings } from './settings/service';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  /** better_sqlite3.node for the running runtime; see README "native modules". */
  nativeBinding?: string;
  /** Folder of installed compiled rules packs (default: dist/rules beside the running bundle). */
  rulesDir?: string;
  /** Injectable clock so tests and deterministic outputs can fix time. */
  now?: () => Date;
}

/** Everything services need: the open database, the data folder and the clock. */
export interface Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly paths: ReturnType<typeof dataPaths>;
  readonly appVersion: string;
  readonly rulesDir: string;
  readonly schemaVersion: number;
  readonly migration: MigrationReport;
  now(): Date;
  /** The user's language, read from settings on each call so a switch applies at once. */
  locale(): Locale;
  /** "Who" for the audit trail. */
  actor(): string;
  /** Long jobs under way (cancellable by id). */
  readonly jobs: JobRegistry;
  close(): void;
}

/** Opens the data folder: the composition root of main, the CLI, the web host and tests. */
export function openCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
  const { db, migration } = openDatabase(paths.database, { nativeBinding: options.nativeBinding });
  const now = options.now ?? (() => new Date());
  const core: Core = {
    db,
    dataDir: options.dataDir,
    paths,
    appVersion: options.appVersion,
    rulesDir: options.rulesDir ?? defaultRulesDir(),
    schemaVersion: SCHEMA_VERSION,
    migration,
    now,
    locale: () => getSettings(core).locale,
    actor: () => getSettings(core).actorName,
    jobs: new JobRegistry(),
    close: () => db.close(),
  };
  return core;
}
