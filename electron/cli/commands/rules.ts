import { type Command } from 'commander';
import type { Locale } from '../../../shared/i18n/locale';
import { countItemsByArea } from '../../../shared/rules/items';
import { AREA_LABELS, formatText } from '../../../shared/rules/messages';
import type { RulesPack } from '../../../shared/rules/schema';
import { defaultRulesDir } from '../../core/rules/default-dir';
import { RulesPackError } from '../../core/rules/errors';
import { listInstalledPacks, loadInstalledPack, parsePackRef } from '../../core/rules/installed';
import { CliError, EXIT, globalsOf, print, type GlobalOptions } from '../context';

const LABELS = {
  hash: { 'zh-CN': '内容哈希（SHA-256）', en: 'content hash (SHA-256)' },
  published: { 'zh-CN': '指引发布日期', en: 'guideline published' },
  areas: { 'zh-CN': '各领域条目数', en: 'items per area' },
  total: { 'zh-CN': '合计', en: 'total' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  sources: { 'zh-CN': '来源登记数', en: 'sources in the register' },
  none: { 'zh-CN': '（{dir} 中没有已安装的规则包）', en: '(no rules packs installed in {dir})' },
} as const;

/** The `--rules-dir` option every command that reads packs takes. */
export const RULES_DIR_OPTION = [
  '--rules-dir <dir>',
  'folder of installed compiled rules packs (default: beside the program)',
] as const;

/**
 * Loads an installed pack named `id` or `id@version` for a command. A missing pack is bad input
 * (exit 2); an invalid, modified or mismatched one is a failed check (exit 1).
 */
export async function loadPackForCli(
  ref: string,
  rulesDir: string | undefined,
  globals: GlobalOptions,
): Promise<RulesPack> {
  const { id, version } = parsePackRef(ref);
  try {
    return await loadInstalledPack(rulesDir ?? defaultRulesDir(), id, version);
  } catch (e) {
    if (!(e instanceof RulesPackError)) throw e;
    throw new CliError(e.code === 'not-found' ? EXIT.badInput : EXIT.checkFailed, e.describe(globals.lang));
  }
}

/** What `adsg rules show` reports: identity, honesty statement and item counts per area. */
function summary(pack: RulesPack) {
  const areas = countItemsByArea(pack);
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    contentHash: pack.contentHash,
    guideline: pack.guideline,
    reconstruction: pack.reconstruction,
    areas,
    total: areas.reduce((sum, a) => sum + a.active + a.withdrawn, 0),
    sources: pack.sources.length,
  };
}

/** Terminal columns a text takes: CJK characters are two wide, so columns line up in Chinese too. */
function columns(text: string): number {
  return [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
}

function summaryText(s: ReturnType<typeof summary>, lang: Locale): string[] {
  const width = Math.max(...s.areas.map((a) => columns(AREA_LABELS[a.area][lang]))) + 4;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const row = (label: string, n: number, withdrawn = 0) =>
    `  ${label}${' '.repeat(width - columns(label))}${String(n).padStart(5)}${withdrawn ? `  (+${withdrawn} ${LABELS.withdrawn[lang]})` : ''}`;
  return [
    `${s.id}@${s.version}  ${s.title[lang]}`,
    `${LABELS.hash[lang]}  ${s.contentHash}`,
    `${LABELS.published[lang]}  ${s.guideline.published}`,
    '',
    ...s.reconstruction[lang].split('\n'),
    '',
    `${LABELS.areas[lang]}${colon}`,
    ...s.areas.map((a) => row(AREA_LABELS[a.area][lang], a.active, a.withdrawn)),
    row(LABELS.total[lang], s.total),
    `${LABELS.sources[lang]}${colon}${s.sources}`,
  ];
}

/** `adsg rules show <pack>` and `adsg rules list`: the installed rules packs. */
export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('Installed rules packs (the Guidelines as validated data)');

  rules
    .command('show')
    .description('Show a rules pack: version, content hash and item counts per area')
    .argument('<pack>', 'pack id, optionally with @version (default: the newest installed)')
    .option(...RULES_DIR_OPTION)
    .action(async (ref: string, opts: { rulesDir?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const s = summary(await loadPackForCli(ref, opts.rulesDir, g));
      print(g, s, () => summaryText(s, g.lang));
    });

  rules
    .command('list')
    .description('List the installed rules packs')
    .option(...RULES_DIR_OPTION)
    .action(async (opts: { rulesDir?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const dir = opts.rulesDir ?? defaultRulesDir();
      const installed = await listInstalledPacks(dir);
      print(g, installed, () =>
        installed.length > 0
          ? installed.map((p) => `${p.id}@${p.version}  ${p.file}`)
          : [formatText(LABELS.none, g.lang, { dir })],
      );
    });
}
