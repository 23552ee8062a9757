import { type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../../shared/i18n/locale';
import { diffPacks } from '../../../shared/rules/diff';
import { countItemsByArea } from '../../../shared/rules/items';
import { AREA_LABELS, formatText } from '../../../shared/rules/messages';
import type { RulesPack } from '../../../shared/rules/schema';
import type { Core } from '../../core/core';
import { signingAppError } from '../../core/dossier/service';
import { dataPaths } from '../../core/paths';
import { defaultRulesDir } from '../../core/rules/default-dir';
import { RulesPackError } from '../../core/rules/errors';
import { installPackFile, type InstallResult } from '../../core/rules/install';
import { listInstalledPacks, loadInstalledPack, parsePackJson, parsePackRef } from '../../core/rules/installed';
import type { RulesDirs } from '../../core/rules/locations';
import { parseCompiledPack } from '../../core/rules/compiled';
import { signPackBytes } from '../../core/rules/pack-signature';
import { unlockIdentity } from '../../core/signing';
import { CliError, EXIT, globalsOf, print, type GlobalOptions } from '../context';
import { parseInput, withCore } from '../core-session';
import { passphraseFrom, readArg } from '../files';
import { packDiffText } from './pack-diff-text';

const LABELS = {
  hash: { 'zh-CN': '内容哈希（SHA-256）', en: 'content hash (SHA-256)' },
  published: { 'zh-CN': '指引发布日期', en: 'guideline published' },
  areas: { 'zh-CN': '各领域条目数', en: 'items per area' },
  total: { 'zh-CN': '合计', en: 'total' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  sources: { 'zh-CN': '来源登记数', en: 'sources in the register' },
  none: { 'zh-CN': '（{dir} 中没有已安装的规则包）', en: '(no rules packs installed in {dir})' },
  shipped: { 'zh-CN': '随程序提供', en: 'shipped' },
  installed: { 'zh-CN': '用户安装', en: 'installed' },
  installedNew: { 'zh-CN': '已安装 {pack}：{file}', en: 'Installed {pack}: {file}' },
  alreadyInstalled: { 'zh-CN': '{pack} 已安装，内容相同，未作改动：{file}', en: '{pack} is already installed with the same content; nothing changed: {file}' },
  signedBy: { 'zh-CN': '签名者：{signer}（证书指纹 {fingerprint}），已通过信任库校验', en: 'Signed by {signer} (certificate {fingerprint}), trusted' },
  unsigned: { 'zh-CN': '未签名（--allow-unsigned），已记入本机审计日志', en: 'Not signed (--allow-unsigned); recorded in this machine’s audit trail' },
  signed: { 'zh-CN': '已签名：{out}', en: 'Signature written: {out}' },
} as const;

/** The `--rules-dir` option every command that reads packs takes. */
export const RULES_DIR_OPTION = [
  '--rules-dir <dir>',
  'folder of the compiled rules packs shipped with the program (default: beside the program); packs installed into the data folder are read too',
] as const;

/** The packs a command sees: the shipped folder (or --rules-dir) and the data folder's installed packs. */
export function rulesLocation(rulesDir: string | undefined, globals: GlobalOptions): Required<RulesDirs> {
  return { shipped: rulesDir ?? defaultRulesDir(), installed: dataPaths(globals.dataDir).rules };
}

/**
 * A rules-pack refusal as the CLI reports it: a missing pack or a request that cannot be (another
 * pack, the same version, a conflict) is bad input (exit 2); an invalid, modified, unsigned or
 * untrusted one is a failed check (exit 1).
 */
export function rulesCliError(e: RulesPackError, globals: GlobalOptions): CliError {
  const badInput = e.payloadCode === 'not-found' || e.payloadCode === 'validation' || e.payloadCode === 'conflict';
  return new CliError(badInput ? EXIT.badInput : EXIT.checkFailed, e.describe(globals.lang));
}

/** Runs a command in a core session; rules-pack refusals become messages and exit codes. */
export async function rulesCall<T>(globals: GlobalOptions, run: (core: Core) => Promise<T>): Promise<T> {
  try {
    return await withCore(globals, run);
  } catch (e) {
    throw e instanceof RulesPackError ? rulesCliError(e, globals) : e;
  }
}

/** Loads an installed pack named `id` or `id@version` for a command (exit codes as `rulesCliError`). */
export async function loadPackForCli(
  ref: string,
  rulesDir: string | undefined,
  globals: GlobalOptions,
): Promise<RulesPack> {
  const { id, version } = parsePackRef(ref);
  try {
    return await loadInstalledPack(rulesLocation(rulesDir, globals), id, version);
  } catch (e) {
    throw e instanceof RulesPackError ? rulesCliError(e, globals) : e;
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
      const location = rulesLocation(opts.rulesDir, g);
      const installed = await listInstalledPacks(location);
      print(g, installed, () =>
        installed.length > 0
          ? installed.map((p) => `${p.id}@${p.version}  ${LABELS[p.origin][g.lang]}  ${p.file}`)
          : [formatText(LABELS.none, g.lang, { dir: `${location.shipped}, ${location.installed}` })],
      );
    });

  rules
    .command('diff')
    .description('Compare two versions of a rules pack: changes that can move a determination first, then every area')
    .argument('<from>', 'pack id@version, e.g. adsg-2026@1.0.0')
    .argument('<to>', 'pack id@version, e.g. adsg-2026@1.1.0-example')
    .option(...RULES_DIR_OPTION)
    .action(async (from: string, to: string, opts: { rulesDir?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const diff = diffPacks(await loadPackForCli(from, opts.rulesDir, g), await loadPackForCli(to, opts.rulesDir, g));
      print(g, diff, () => packDiffText(diff, g.lang));
    });

  rules
    .command('install')
    .description('Install a compiled pack (<id>@<version>.json) into the data folder, after checking its signature (<file>.p7s) against the trust store')
    .argument('<file>', 'the compiled pack file')
    .option('--signature <file>', 'its detached CMS signature (default: <file>.p7s)')
    .option('--allow-unsigned', 'install a pack without a signature (a draft of your own); recorded in the audit trail', false)
    .action(async (file: string, opts: { signature?: string; allowUnsigned: boolean }, cmd: Command) => {
      const g = globalsOf(cmd);
      const request = { file: resolve(file), signature: opts.signature && resolve(opts.signature), allowUnsigned: opts.allowUnsigned };
      // A mistyped path is bad input, told before the data folder is even opened.
      await readArg(request.file, '<file>');
      const result = await rulesCall(g, (core) => installPackFile(core, request));
      print(g, result, () => installText(result, g.lang));
    });

  rules
    .command('sign')
    .description('Sign a compiled pack file as its publisher: writes a detached CMS signature (<file>.p7s)')
    .argument('<file>', 'the compiled pack file')
    .requiredOption('--identity <id>', 'the publisher’s signing identity')
    .requiredOption('--passphrase-file <file>', 'file whose first line is the identity’s passphrase')
    .option('--out <file>', 'where to write the signature (default: <file>.p7s)')
    .action(async (file: string, opts: { identity: string; passphraseFile: string; out?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const { identity } = parseInput(z.object({ identity: z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid') }), { identity: opts.identity }, g);
      const bytes = await readArg(file, '<file>');
      const passphrase = await passphraseFrom(opts.passphraseFile);
      const out = resolve(opts.out ?? `${file}.p7s`);
      await rulesCall(g, async (core) => {
        // Only a sound pack is signed: the signature vouches for rules that load.
        parseCompiledPack(parsePackJson(bytes.toString('utf8'), file), file);
        const signer = await unlockIdentity(core.paths.identities, identity, passphrase).catch((e: unknown) => Promise.reject(signingAppError(e)));
        await writeFile(out, await signPackBytes(bytes, signer, core.now()));
      });
      print(g, { out }, () => [formatText(LABELS.signed, g.lang, { out })]);
    });
}

function installText(r: InstallResult, lang: Locale): string[] {
  const pack = `${r.id}@${r.version}`;
  return [
    formatText(r.installed ? LABELS.installedNew : LABELS.alreadyInstalled, lang, { pack, file: r.file }),
    ...(r.signer ? [formatText(LABELS.signedBy, lang, { signer: r.signer.commonName ?? r.signer.fingerprint, fingerprint: r.signer.fingerprint })] : []),
    ...(!r.signer && r.installed ? [LABELS.unsigned[lang]] : []),
  ];
}
