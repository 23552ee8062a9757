import { generateKeyPair } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { isNotFound, writeFileAtomic } from './atomic-file';
import { createSelfSignedCertificate } from './certificate';
import { describeCertificate, sha256Hex } from './certificate-info';
import { SigningError } from './errors';
import { certificateToPem } from './pem';
import { readPkcs12, writePkcs12 } from './pkcs12';
import { assertSupportedKey, type UnlockedSigner } from './unlocked-signer';

/** Passphrases shorter than this are refused for keys we store. */
export const MIN_PASSPHRASE_LENGTH = 8;

const ID = /^[0-9a-f]{64}$/;
const isoDate = z.iso.datetime();

/** The metadata JSON stored beside each `<id>.p12`, validated whenever it is read. */
const IdentityFile = z
  .object({
    version: z.literal(1),
    id: z.string().regex(ID),
    name: z.string().min(1),
    organisation: z.string(),
    email: z.string().optional(),
    subject: z.string(),
    notBefore: isoDate,
    notAfter: isoDate,
    createdAt: isoDate,
    source: z.enum(['created', 'imported']),
    /** The certificate DER in base64, so listing and exporting never need the passphrase. */
    certificate: z.string().min(1),
  })
  .strict();
type IdentityFile = z.infer<typeof IdentityFile>;

/** A signing identity as the UI lists it (dates as ISO strings, ready for IPC). */
export type Identity = Omit<IdentityFile, 'version' | 'certificate'>;

// Upper bounds are X.509's (ub-common-name and ub-organization-name are 64, e-mail 128).
const CreateIdentityInput = z.object({
  name: z.string().trim().min(1).max(64),
  organisation: z.string().trim().min(1).max(64),
  email: z.email().max(128).optional(),
  passphrase: z.string(),
  keyBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).default(3072),
  validityYears: z.number().int().min(1).max(30).default(5),
});
export type CreateIdentityInput = z.input<typeof CreateIdentityInput> & { readonly now?: Date };

export interface ImportIdentityInput {
  readonly p12: Buffer;
  readonly passphrase: string;
  /** The passphrase to store the key under; required when the file's own is too short. */
  readonly newPassphrase?: string;
  readonly now?: Date;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Creates a self-signed RSA signing identity in `dir` (`<dataDir>/identities`): the key pair comes
 * from Node's native generator (off the main thread), the certificate from node-forge, and the
 * key is stored only inside a PBES2/AES-256 PKCS#12 under `passphrase`, which is never stored.
 * @throws SigningError `weak-passphrase`, `bad-input`.
 */
export async function createIdentity(dir: string, input: CreateIdentityInput): Promise<Identity> {
  const parsed = CreateIdentityInput.safeParse(input);
  if (!parsed.success) {
    throw new SigningError('bad-input', `Invalid identity: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}.`);
  }
  const { name, organisation, email, passphrase, keyBits, validityYears } = parsed.data;
  assertStrongPassphrase(passphrase);
  const now = input.now ?? new Date();
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: keyBits });
  const certificate = createSelfSignedCertificate({ name, organisation, email, privateKey, publicKey, notBefore: now, notAfter });
  return store(dir, { privateKey, certificate, chain: [] }, passphrase, 'created', now);
}

/**
 * Imports an organisation's PKCS#12 (.p12/.pfx). The key is re-encrypted in our format (PBES2,
 * AES-256) under `newPassphrase ?? passphrase`, so old RC2/3DES files are not kept as they came.
 * @throws SigningError `bad-passphrase`, `bad-input`, `unsupported`, `weak-passphrase`, `already-exists`.
 */
export async function importIdentity(dir: string, input: ImportIdentityInput): Promise<Identity> {
  if (!Buffer.isBuffer(input.p12) || input.p12.length === 0) throw new SigningError('bad-input', 'The PKCS#12 file is empty.');
  const signer = readPkcs12(input.p12, input.passphrase);
  assertSupportedKey(signer.privateKey);
  const passphrase = input.newPassphrase ?? input.passphrase;
  assertStrongPassphrase(passphrase);
  return store(dir, signer, passphrase, 'imported', input.now ?? new Date());
}

/** Every identity in `dir`, oldest first; an absent folder is an empty store. */
export async function listIdentities(dir: string): Promise<Identity[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = entries.filter((entry) => entry.endsWith('.json') && ID.test(entry.slice(0, -5))).map((entry) => entry.slice(0, -5));
  const identities = await Promise.all(ids.map(async (id) => toIdentity(await readIdentityFile(dir, id))));
  return identities.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One identity's metadata. @throws SigningError `not-found`, `corrupt-store`. */
export async function getIdentity(dir: string, id: string): Promise<Identity> {
  return toIdentity(await readIdentityFile(dir, id));
}

/** The identity's certificate, for recipients to put in their trust store. */
export async function exportCertificate(dir: string, id: string, format: 'pem' | 'der'): Promise<Buffer> {
  const der = Buffer.from((await readIdentityFile(dir, id)).certificate, 'base64');
  return format === 'pem' ? Buffer.from(certificateToPem(der), 'ascii') : der;
}

/**
 * Opens an identity's key with its passphrase, for `signPdf`.
 * @throws SigningError `not-found`, `bad-passphrase`, `corrupt-store`.
 */
export async function unlockIdentity(dir: string, id: string, passphrase: string): Promise<UnlockedSigner> {
  await readIdentityFile(dir, id);
  let p12: Buffer;
  try {
    p12 = await readFile(path.join(dir, `${id}.p12`));
  } catch (error) {
    if (isNotFound(error)) throw new SigningError('corrupt-store', `The key file of identity ${id} is missing.`);
    throw error;
  }
  let signer: UnlockedSigner;
  try {
    signer = readPkcs12(p12, passphrase);
  } catch (error) {
    if (error instanceof SigningError && error.code === 'bad-passphrase') throw error;
    throw new SigningError('corrupt-store', `The key file of identity ${id} is damaged.`, { cause: error });
  }
  if (sha256Hex(signer.certificate) !== id) {
    throw new SigningError('corrupt-store', `The key file of identity ${id} holds a different certificate.`);
  }
  return signer;
}

/** Deletes an identity: metadata first, so a crash leaves an unlisted key file, never a listed identity without a key. */
export async function removeIdentity(dir: string, id: string): Promise<void> {
  await readIdentityFile(dir, id);
  await rm(path.join(dir, `${id}.json`));
  await rm(path.join(dir, `${id}.p12`), { force: true });
}

function assertStrongPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new SigningError('weak-passphrase', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
  }
}

async function store(
  dir: string,
  signer: UnlockedSigner,
  passphrase: string,
  source: IdentityFile['source'],
  now: Date,
): Promise<Identity> {
  const info = describeCertificate(signer.certificate);
  const id = info.fingerprint;
  await mkdir(dir, { recursive: true });
  try {
    await readIdentityFile(dir, id);
    throw new SigningError('already-exists', `An identity with this certificate already exists (${id.slice(0, 16)}…).`);
  } catch (error) {
    if (!(error instanceof SigningError && error.code === 'not-found')) throw error;
  }
  const name = info.commonName || info.subject || 'unnamed';
  const file: IdentityFile = {
    version: 1,
    id,
    name,
    organisation: info.organisation ?? '',
    ...(info.email ? { email: info.email } : {}),
    subject: info.subject,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    createdAt: now.toISOString(),
    source,
    certificate: signer.certificate.toString('base64'),
  };
  // The key first: an identity is listed only once its metadata exists, so it always has a key.
  await writeFileAtomic(path.join(dir, `${id}.p12`), writePkcs12(signer, passphrase, { friendlyName: name }));
  await writeFileAtomic(path.join(dir, `${id}.json`), `${JSON.stringify(file, null, 2)}\n`);
  return toIdentity(file);
}

async function readIdentityFile(dir: string, id: string): Promise<IdentityFile> {
  if (!ID.test(id)) throw new SigningError('not-found', 'No identity with that id.');
  let text: string;
  try {
    text = await readFile(path.join(dir, `${id}.json`), 'utf8');
  } catch (error) {
    if (isNotFound(error)) throw new SigningError('not-found', `No identity ${id}.`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SigningError('corrupt-store', `The metadata of identity ${id} is not JSON.`, { cause: error });
  }
  const parsed = IdentityFile.safeParse(json);
  if (!parsed.success || parsed.data.id !== id || sha256Hex(Buffer.from(parsed.data.certificate, 'base64')) !== id) {
    throw new SigningError('corrupt-store', `The metadata of identity ${id} is damaged.`);
  }
  return parsed.data;
}

function toIdentity(file: IdentityFile): Identity {
  const { version: _version, certificate: _certificate, ...identity } = file;
  return identity;
}
