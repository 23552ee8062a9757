import { type Command } from 'commander';
import { describeIssues } from '../../../shared/i18n/issues';
import type { Locale } from '../../../shared/i18n/locale';
import { determine, type Determination } from '../../../shared/rules/engine';
import { parseFacts } from '../../../shared/rules/facts';
import { formatText, OUTCOME_LABELS, RULES_MESSAGES } from '../../../shared/rules/messages';
import type { RulesPack } from '../../../shared/rules/schema';
import { CliError, EXIT, globalsOf, print, type GlobalOptions } from '../context';
import { readTextArg } from '../files';
import { loadPackForCli, RULES_DIR_OPTION } from './rules';

const LABELS = {
  pack: { 'zh-CN': '规则包', en: 'Rules pack' },
  organisation: { 'zh-CN': '组织', en: 'Organisation' },
  flow: { 'zh-CN': '数据流', en: 'Flow' },
  missing: { 'zh-CN': '缺少的事实', en: 'Missing facts' },
  colon: { 'zh-CN': '：', en: ': ' },
} as const;

/** Reads and parses the facts file; a missing, oversized or non-text file or bad JSON is bad input (exit 2). */
async function readFacts(file: string, globals: GlobalOptions): Promise<unknown> {
  const text = await readTextArg(file, '--facts', 'facts');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = (e as Error).message;
    throw new CliError(
      EXIT.badInput,
      formatText(RULES_MESSAGES['error.facts-not-json'], globals.lang, { file, detail }),
    );
  }
}

function outcomeLine(heading: string, result: Determination['organization'], lang: Locale): string[] {
  const exemption = result.exemption ? ` (${result.exemption})` : '';
  const colon = LABELS.colon[lang];
  return [
    `${heading}${colon}${OUTCOME_LABELS[result.outcome][lang]}${exemption}`,
    ...(result.missing?.length ? [`  ${LABELS.missing[lang]}${colon}${result.missing.join(', ')}`] : []),
    ...result.trace.map((step) => `  · [${step.rule}] ${step.text[lang]}`),
  ];
}

function determinationText(pack: RulesPack, result: Determination, lang: Locale): string[] {
  return [
    `${LABELS.pack[lang]}${LABELS.colon[lang]}${pack.id}@${pack.version} (${pack.contentHash.slice(0, 12)})`,
    '',
    ...outcomeLine(LABELS.organisation[lang], result.organization, lang),
    ...result.flows.flatMap((flow) => ['', ...outcomeLine(`${LABELS.flow[lang]} ${flow.id}`, flow, lang)]),
  ];
}

/** `adsg determine --facts FILE.json`: the management method per flow and for the organisation. */
export function registerDetermineCommand(program: Command): void {
  program
    .command('determine')
    .description('Decide the management method of each export flow and of the organisation, with the reasoning')
    .requiredOption('--facts <file>', 'facts JSON file (schema: docs/schemas/determine-facts.schema.json)')
    .option('--pack <pack>', 'rules pack id, optionally with @version', 'adsg-2026')
    .option(...RULES_DIR_OPTION)
    .action(async (opts: { facts: string; pack: string; rulesDir?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const input = await readFacts(opts.facts, g);
      const pack = await loadPackForCli(opts.pack, opts.rulesDir, g);
      const parsed = parseFacts(pack, input, g.lang);
      if (!parsed.ok) throw new CliError(EXIT.badInput, describeIssues(parsed.issues, g.lang));
      const result = determine(pack, parsed.facts);
      print(g, result, () => determinationText(pack, result, g.lang));
    });
}
