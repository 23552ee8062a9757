import { createHash } from 'node:crypto';
import { chmodSync, linkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RulesPack } from '../../../shared/rules/schema';
import { appendTrail } from '../audit-trail/trail';
import type { Core } from '../core';
import { signingAppError } from '../dossier/service';
import { AppError } from '../errors';
import { parseCompiledPack } from './compiled';
import { RulesPackError } from './errors';
import { loadPackFile, parsePackJson } from './installed';
import { bundleFileName, listInstalledPacks } from './locations';
import { checkPackSignature, type PackSigner } from './pack-signature';
import { writeTransaction } from '../db/transaction';

/** What `adsg rules install` is given. */
export interface InstallRequest {
  /** A compiled pack (`<id>@<version>.json`). */
  file: string;
  /** Its detached CMS signature; default `<file>.p7s`. */
  signature?: string;
  /** Install without a signature (a draft of one's own); recorded in the machine's audit trail. */
  allowUnsigned: boolean;
}

export interface InstallResult {
  id: string;
  version: string;
  contentHash: string;
  /** Where the pack now is. */
  file: string;
  /** False when exactly this pack was already there (installing again changes nothing). */
  installed: boolean;
  /** Null for a pack installed with `allowUnsigned`. */
  signer: PackSigner | null;
}

/**
 * Installs a compiled pack into the data folder's `rules/`, beside the shipped ones. In order: the
 * signature over the file's exact bytes must verify and chain to the trust store (or the caller
 * allows an unsigned draft); the pack is validated as strictly as a loaded one; an id and version
 * already present (shipped or installed) is never replaced, only recognised when identical. The
 * install and who signed it go into the machine-wide audit trail, together with the file landing.
 */
export async function installPackFile(core: Core, request: InstallRequest): Promise<InstallResult> {
  const name = basename(request.file);
  const bytes = await readFile(request.file).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? new AppError('not-found', 'error.not-found', { what: request.file }) : e;
  });
  const signaturePath = request.signature ?? `${request.file}.p7s`;
  const cms = await readFile(signaturePath).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' && !request.signature) return null;
    throw e.code === 'ENOENT' ? new AppError('not-found', 'error.not-found', { what: signaturePath }) : e;
  });
  let signer: PackSigner | null = null;
  if (cms) signer = await checkPackSignature(cms, bytes, core.paths.trust, name).catch((e: unknown) => Promise.reject(signingAppError(e)));
  else if (!request.allowUnsigned) throw new RulesPackError('unsigned', { file: name, signature: basename(signaturePath) });

  const pack = parseCompiledPack(parsePackJson(bytes.toString('utf8'), name), name);
  const present = (await listInstalledPacks(core.rulesDir)).find((p) => p.id === pack.id && p.version === pack.version);
  if (present) {
    const installed = await loadPackFile(present);
    if (installed.contentHash !== pack.contentHash) throw conflict(pack, installed.contentHash);
    return { id: pack.id, version: pack.version, contentHash: pack.contentHash, file: present.file, installed: false, signer };
  }
  const file = await placeImmutably(core, pack, bytes, { signer, cms });
  return { id: pack.id, version: pack.version, contentHash: pack.contentHash, file, installed: true, signer };
}

const conflict = (pack: RulesPack, found: string) =>
  new RulesPackError('conflict', { pack: `${pack.id}@${pack.version}`, found, expected: pack.contentHash });

/**
 * Writes the file under a temporary name, then hard-links it to its final name inside the
 * transaction that logs the install: the link fails rather than replace an existing file, so an
 * id@version is written once, and the log row and the file exist together or not at all.
 */
async function placeImmutably(core: Core, pack: RulesPack, bytes: Buffer, proof: { signer: PackSigner | null; cms: Buffer | null }): Promise<string> {
  const dir = core.paths.rules;
  await mkdir(dir, { recursive: true });
  const file = join(dir, bundleFileName(pack.id, pack.version));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  try {
    // Read-only for the owner too: a pack is replaced by a new version, never edited.
    chmodSync(temp, 0o444);
    writeTransaction(core.db, () => {
      appendTrail(
        core.db,
        {
          projectId: null,
          entity: 'rules-pack',
          entityId: `${pack.id}@${pack.version}`,
          action: proof.signer ? 'install' : 'install-unsigned',
          actor: core.actor(),
          before: null,
          after: {
            contentHash: pack.contentHash,
            fileSha256: createHash('sha256').update(bytes).digest('hex'),
            signer: proof.signer,
            // Kept whole, so anyone can re-check later who vouched for these rules.
            signature: proof.cms?.toString('base64') ?? null,
          },
        },
        core.now().toISOString(),
      );
      try {
        linkSync(temp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw conflict(pack, 'another file');
        throw e;
      }
    });
  } finally {
    await rm(temp, { force: true });
  }
  return file;
}
