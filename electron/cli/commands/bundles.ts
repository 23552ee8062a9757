import { type Command } from 'commander';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ProjectId } from '../../../shared/domain/ids';
import { BundleError } from '../../core/bundles/errors';
import type { Core } from '../../core/core';
import { exportBundle } from '../../core/bundles/export';
import { importBundle, type ImportResult } from '../../core/bundles/import';
import { judgementText } from '../../core/bundles/export-dossiers';
import type { Locale } from '../../../shared/i18n/locale';
import { signingAppError } from '../../core/dossier/service';
import { RulesPackError } from '../../core/rules/errors';
import { unlockIdentity } from '../../core/signing';
import { passphraseFrom } from '../files';
import { CliError, EXIT, globalsOf, print, type GlobalOptions } from '../context';
import { parseInput, withCore } from '../core-session';

const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid');

/** Runs a bundle command in a core session; bundle and rules-pack refusals become messages and exit codes. */
async function bundleCall<T>(g: GlobalOptions, run: (core: Core) => Promise<T>): Promise<T> {
  try {
    return await withCore(g, run);
  } catch (e) {
    if (e instanceof BundleError) {
      const badInput = e.code === 'validation' || e.code === 'not-found' || e.code === 'conflict';
      throw new CliError(badInput ? EXIT.badInput : EXIT.checkFailed, e.describe(g.lang));
    }
    if (e instanceof RulesPackError) throw new CliError(EXIT.checkFailed, e.describe(g.lang));
    throw e;
  }
}


function describeImport(r: ImportResult, lang: Locale): string[] {
  const lines = [`${r.projectId}  ${r.name}`];
  lines.push(
    r.asCopy
      ? `imported as a copy of ${r.originalProjectId}; original trail head ${r.originalTrailHead ?? '-'}, new chain head ${r.trailHead ?? '-'}`
      : `imported with its audit trail; head ${r.trailHead ?? '-'}`,
  );
  lines.push(`evidence: ${r.evidence} record(s), ${r.newEvidenceFiles} new file(s) stored`);
  lines.push(r.signer ? `manifest signed by ${r.signer.commonName ?? '?'} [${r.signer.fingerprint}]${r.signer.trusted ? ', trusted' : ', NOT in the trust store'}` : 'manifest not signed');
  for (const d of r.dossiers) lines.push(`dossier: ${d}`);
  for (const j of r.dossierChecks) lines.push(judgementText(j, `${j.sha256}.pdf`)[lang]);
  return lines;
}

/** `adsg bundle export|import`: a project as one .adsg file for handover or a second auditor. */
export function registerBundleCommands(program: Command): void {
  const bundle = program.command('bundle').description('Project bundles (.adsg): export for handover, import with every byte verified');
  bundle
    .command('export')
    .description('Write a project (data, evidence, audit trail, manifest) as one .adsg file, optionally signed')
    .argument('<project>', 'project id')
    .requiredOption('--out <file>', 'the .adsg file to write')
    .option('--identity <id>', 'sign the manifest with this identity')
    .option('--passphrase-file <file>', 'file whose first line is the identity’s passphrase')
    .option('--dossier <files...>', 'signed dossier PDF(s) of this project to include')
    .action(async (id: string, opts: { out: string; identity?: string; passphraseFile?: string; dossier?: string[] }, cmd: Command) => {
      const g = globalsOf(cmd);
      const input = parseInput(
        z.object({ projectId: ProjectId, identity: Fingerprint.optional(), passphraseFile: z.string().optional() }).refine((o) => !o.identity === !o.passphraseFile, { message: 'v.required', path: ['passphraseFile'] }),
        { projectId: id, identity: opts.identity, passphraseFile: opts.passphraseFile },
        g,
      );
      const passphrase = input.passphraseFile ? await passphraseFrom(input.passphraseFile) : undefined;
      const out = resolve(opts.out);
      const written = await bundleCall(g, async (core) => {
        const signer = input.identity && passphrase ? await unlockIdentity(core.paths.identities, input.identity, passphrase).catch((e: unknown) => Promise.reject(signingAppError(e))) : undefined;
        return exportBundle(core, input.projectId, out, { signer, dossiers: (opts.dossier ?? []).map((f) => resolve(f)) });
      });
      print(g, written, () => [`${written.file}  ${written.bytes} bytes  sha256 ${written.sha256}  ${written.evidence} evidence file(s)${written.signed ? '  signed' : ''}`]);
    });
  bundle
    .command('import')
    .description('Import a .adsg file; nothing is written unless every check passes. Prints the project id')
    .argument('<file>', 'the .adsg file')
    .option('--as-copy', 'give the project and its records new ids (a new chain records the original)', false)
    .option('--dossier-dir <dir>', 'also write the bundle’s dossiers into this folder')
    .action(async (file: string, opts: { asCopy: boolean; dossierDir?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      // A mistyped path is bad input, told before the data folder is even opened.
      await access(resolve(file)).catch((e: Error) => Promise.reject(new CliError(EXIT.badInput, `<file>: ${e.message}`)));
      const result = await bundleCall(g, (core) => importBundle(core, resolve(file), { asCopy: opts.asCopy, dossierDir: opts.dossierDir && resolve(opts.dossierDir) }));
      print(g, result, () => describeImport(result, g.lang));
    });
}
