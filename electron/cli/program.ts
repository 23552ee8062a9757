import { Command, Option } from 'commander';
import { LOCALES, type Locale } from '../../shared/i18n/locale';
import { defaultDataDir } from '../core/paths';
import { registerAuditCommands } from './commands/audit';
import { registerBundleCommands } from './commands/bundles';
import { registerDetermineCommand } from './commands/determine';
import { registerRulesCommand } from './commands/rules';
import { registerProjectsCommand } from './commands/projects';
import { registerReviewCommands } from './commands/review';
import { registerSigningCommands } from './commands/signing';
import { registerUiCommand } from './commands/ui';
import { terminalMessage, type GlobalOptions } from './context';
import { APP_VERSION } from './version';

/** CLI language: --lang, else ADSG_LANG, else the system locale (Chinese systems get zh-CN). */
function defaultLang(env: NodeJS.ProcessEnv): Locale {
  const tag = env.ADSG_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return tag.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The `adsg` program: global options, then one register function per command family. */
export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('adsg')
    .description('ADSG Workbench command line: audits against the Automotive Data Export Security Guidelines (2026)')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (default: the app’s own)', defaultDataDir(env))
    .option('--json', 'print machine-readable JSON', false)
    // One --lang for messages and documents: a dossier may also be made in both languages.
    .addOption(new Option('--lang <lang>', 'language of messages and documents (dossiers also take "both")').choices([...LOCALES, 'both']).default(defaultLang(env)))
    .showHelpAfterError()
    // Commander echoes what was typed ("unknown option …"): that goes out made safe like any output.
    .configureOutput({
      writeOut: (text) => process.stdout.write(terminalMessage(text)),
      writeErr: (text) => process.stderr.write(terminalMessage(text)),
    })
    // Before any subcommand is added, so they inherit it: failures reach index.ts as exceptions.
    .exitOverride()
    .hook('preAction', (root) => {
      const o = root.opts<{ dataDir: string; json: boolean; lang: Locale | 'both' }>();
      const globals: GlobalOptions = { dataDir: o.dataDir, json: o.json, lang: o.lang === 'both' ? 'zh-CN' : o.lang, documentLang: o.lang };
      root.setOptionValue('globals', globals);
    });
  registerProjectsCommand(program);
  registerDetermineCommand(program);
  registerRulesCommand(program);
  registerAuditCommands(program);
  registerReviewCommands(program);
  registerSigningCommands(program);
  registerBundleCommands(program);
  registerUiCommand(program);
  return program;
}
