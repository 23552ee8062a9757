import { type Command } from 'commander';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { ProjectId } from '../../../shared/domain/ids';
import { IdentityFields, type DossierCheck } from '../../../shared/domain/signing';
import { integrityMessage, writeFailure } from '../../../shared/i18n/integrity-messages';
import type { Core } from '../../core/core';
import { countersignDossier, deliverDossier, signingAppError } from '../../core/dossier/service';
import { verifyDossier } from '../../core/dossier/verify';
import { headlessPorts } from '../../core/ports';
import { createIdentity, exportCertificate, importIdentity, importTrustedCertificates, listIdentities, listTrustedCertificates, readTrustedCertificates } from '../../core/signing';
import { passphraseFrom, readArg } from '../files';
import { CliError, EXIT, globalsOf, print, type GlobalOptions } from '../context';
import { parseInput, withCore } from '../core-session';

const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'v.invalid');



async function signingCall<T>(g: GlobalOptions, run: (core: Core) => Promise<T>): Promise<T> {
  return withCore(g, async (core) => {
    try {
      return await run(core);
    } catch (e) {
      throw signingAppError(e);
    }
  });
}

/** Writes next to the target and renames, so a failure never leaves half a PDF (nor the temp file). */
async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Writes `--out`; a path that cannot be written is bad input (exit 2) named in the user's language, never a stack trace. */
async function writeOut(g: GlobalOptions, path: string, bytes: Buffer): Promise<string> {
  try {
    await writeAtomically(path, bytes);
  } catch (e) {
    const params = { file: path, detail: writeFailure((e as NodeJS.ErrnoException).code) };
    throw new CliError(EXIT.badInput, integrityMessage('en', 'out-not-writable', params), (lang) => integrityMessage(lang, 'out-not-writable', params));
  }
  return path;
}

function describeCheck(c: DossierCheck): string[] {
  const lines = c.signatures.flatMap((s, i) => [
    `Signature #${i + 1}: ${s.valid ? 'VALID' : `INVALID (${s.problem ?? 'unknown'})`}`,
    `  signer: ${s.signer?.commonName ?? '?'}${s.signer?.organisation ? `, ${s.signer.organisation}` : ''}  [${s.signer?.fingerprint ?? '-'}]`,
    `  signed at: ${s.signingTime ?? '-'}`,
    `  covers whole file: ${s.coversWholeFile ? 'yes' : 'no'}`,
    `  trusted: ${s.trusted ? 'yes' : 'no'}`,
  ]);
  if (!c.signatures.length) lines.push('No signatures.');
  lines.push(`Bytes after the last signature: ${c.bytesAfterLastSignature}`);
  lines.push(`Embedded assessment: ${c.assessment.present ? (c.assessment.matches ? `present, matches (project ${c.assessment.projectId}, revision ${c.assessment.revision})` : 'present, DOES NOT MATCH') : 'missing'}`);
  lines.push(c.ok ? 'Result: OK' : 'Result: NOT OK');
  return lines;
}

/** `adsg identity …`, `adsg trust …`, `adsg dossier`, `adsg countersign`, `adsg verify`. */
export function registerSigningCommands(program: Command): void {
  const identity = program.command('identity').description('Signing identities (keys kept in encrypted PKCS#12)');
  identity
    .command('create')
    .description('Create a self-signed RSA-3072 signing identity')
    .requiredOption('--name <name>', 'signer name')
    .requiredOption('--organization <org>', 'organisation')
    .requiredOption('--passphrase-file <file>', 'file whose first line is the passphrase (at least 8 characters)')
    .option('--email <email>', 'e-mail address')
    .action(async (opts: { name: string; organization: string; passphraseFile: string; email?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const passphrase = await passphraseFrom(opts.passphraseFile);
      const input = parseInput(
        z.object({ ...IdentityFields, passphrase: z.string().min(8, 'v.passphraseShort') }),
        { name: opts.name, organisation: opts.organization, email: opts.email, passphrase },
        g,
      );
      const created = await signingCall(g, (core) => createIdentity(core.paths.identities, { ...input, now: core.now() }));
      print(g, created, () => [`${created.id}  ${created.name}  ${created.organisation}`]);
    });
  identity
    .command('import')
    .description('Import an organisation’s PKCS#12 (.p12/.pfx)')
    .argument('<file>', 'the .p12 or .pfx file')
    .requiredOption('--passphrase-file <file>', 'file whose first line is the passphrase of the .p12')
    .action(async (file: string, opts: { passphraseFile: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const p12 = await readArg(file, '<file>', 'identity');
      const passphrase = await passphraseFrom(opts.passphraseFile);
      const imported = await signingCall(g, (core) => importIdentity(core.paths.identities, { p12, passphrase, now: core.now() }));
      print(g, imported, () => [`${imported.id}  ${imported.name}  ${imported.organisation}`]);
    });
  identity
    .command('list')
    .description('List signing identities')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const list = await signingCall(g, (core) => listIdentities(core.paths.identities));
      print(g, list, () => (list.length ? list.map((i) => `${i.id}  ${i.name}  ${i.organisation}  until ${i.notAfter.slice(0, 10)}`) : ['(no identities)']));
    });
  identity
    .command('export')
    .description('Export an identity’s certificate for recipients to trust')
    .argument('<id>', 'identity id')
    .requiredOption('--out <file>', 'where to write the certificate')
    .option('--format <format>', 'pem or der', 'pem')
    .action(async (id: string, opts: { out: string; format: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const input = parseInput(z.object({ id: Fingerprint, format: z.enum(['pem', 'der']) }), { id, format: opts.format }, g);
      const bytes = await signingCall(g, (core) => exportCertificate(core.paths.identities, input.id, input.format));
      await writeAtomically(resolve(opts.out), bytes);
      print(g, { out: resolve(opts.out) }, () => [resolve(opts.out)]);
    });

  const trust = program.command('trust').description('Certificates this machine trusts when verifying dossiers');
  trust
    .command('import')
    .argument('<file>', 'a PEM or DER certificate')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const bytes = await readArg(file, '<file>', 'certificate');
      const added = await signingCall(g, (core) => importTrustedCertificates(core.paths.trust, bytes));
      print(g, added, () => added.map((c) => `${c.fingerprint}  ${c.subject}`));
    });
  trust
    .command('list')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      const list = await signingCall(g, (core) => listTrustedCertificates(core.paths.trust));
      print(g, list, () => (list.length ? list.map((c) => `${c.fingerprint}  ${c.subject}`) : ['(none)']));
    });

  program
    .command('dossier')
    .description('Make the signed PDF dossier of a project’s accepted revision (language: --lang zh-CN|en|both)')
    .argument('<project>', 'project id')
    .requiredOption('--out <file>', 'the PDF to write')
    .requiredOption('--identity <id>', 'the auditor’s signing identity')
    .requiredOption('--passphrase-file <file>', 'file whose first line is the identity’s passphrase')
    .action(async (id: string, opts: { out: string; identity: string; passphraseFile: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      // The dossier's language is the global --lang (zh-CN, en or both).
      const input = parseInput(z.object({ projectId: ProjectId, identityId: Fingerprint, lang: z.enum(['zh-CN', 'en', 'both']) }), { projectId: id, identityId: opts.identity, lang: g.documentLang }, g);
      const passphrase = await passphraseFrom(opts.passphraseFile);
      const out = resolve(opts.out);
      // Written before the trail records the signature: a failed --out leaves no record (deliverDossier).
      const result = await withCore(g, (core) => deliverDossier(core, headlessPorts, { ...input, passphrase, jobId: 'cli' }, (pdf) => writeOut(g, out, pdf)));
      print(g, { out, revision: result.revision, sha256: result.sha256, bytes: result.bytes }, () => [`${out}  revision ${result.revision}  ${result.bytes} bytes  sha256 ${result.sha256}`]);
    });

  program
    .command('countersign')
    .description('Add the reviewer’s countersignature to a signed dossier (incremental update)')
    .argument('<file>', 'the signed PDF')
    .requiredOption('--identity <id>', 'the reviewer’s signing identity')
    .requiredOption('--passphrase-file <file>', 'file whose first line is the identity’s passphrase')
    .option('--out <file>', 'where to write (default: update the file in place)')
    .action(async (file: string, opts: { identity: string; passphraseFile: string; out?: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      const { identityId } = parseInput(z.object({ identityId: Fingerprint }), { identityId: opts.identity }, g);
      const pdf = await readArg(file, '<file>');
      const passphrase = await passphraseFrom(opts.passphraseFile);
      const signed = await withCore(g, (core) => countersignDossier(core, pdf, identityId, passphrase));
      const out = resolve(opts.out ?? file);
      await writeAtomically(out, signed);
      print(g, { out, bytes: signed.length }, () => [`${out}  ${signed.length} bytes`]);
    });

  program
    .command('verify')
    .description('Verify a dossier: every signature, whole-file coverage, signer trust, embedded assessment')
    .argument('<file>', 'the PDF')
    .option('--trust <cert...>', 'certificates to trust for this check (PEM or DER), besides the trust store')
    .action(async (file: string, opts: { trust?: string[] }, cmd: Command) => {
      const g = globalsOf(cmd);
      const pdf = await readArg(file, '<file>');
      const extra = await Promise.all((opts.trust ?? []).map((c) => readArg(c, '--trust', 'certificate')));
      const check = await signingCall(g, async (core) => {
        // Certificates given on the command line are trusted for this run only; they go through the
        // same parser as the trust store, in a throw-away folder.
        const dir = await mkdtemp(join(tmpdir(), 'adsg-trust-'));
        try {
          for (const cert of extra) await importTrustedCertificates(dir, cert);
          const trusted = [...(await readTrustedCertificates(core.paths.trust)), ...(await readTrustedCertificates(dir))];
          return await verifyDossier(pdf, basename(file), trusted);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
      print(g, check, () => describeCheck(check));
      if (!check.ok) throw new CliError(EXIT.checkFailed, '');
    });
}
