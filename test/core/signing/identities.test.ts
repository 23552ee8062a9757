import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createIdentity,
  exportCertificate,
  getIdentity,
  importIdentity,
  listIdentities,
  removeIdentity,
  unlockIdentity,
  type Identity,
} from '../../../electron/core/signing/identities';
import { signPdf } from '../../../electron/core/signing/sign-pdf';
import { verifyPdf } from '../../../electron/core/signing/verify-pdf';
import { makeDossierPdf, pdfsigSummary, run, tempDir, writeTemp } from './support';

const PASS = '长长的密码 passphrase';
const CREATED = new Date('2026-11-23T08:00:00.000Z');
let dir: string;
let identity: Identity;
let keygenMs: number;

/** Runs the OpenSSL command line in `cwd`; fails the test on a non-zero exit. */
function openssl(cwd: string, ...args: string[]): void {
  const result = run('sh', ['-c', `cd '${cwd}' && openssl ${args.map((a) => `'${a}'`).join(' ')}`]);
  expect(result.status, result.stderr).toBe(0);
}

beforeAll(async () => {
  dir = path.join(tempDir(), 'identities');
  const started = performance.now();
  identity = await createIdentity(dir, { name: '张三', organisation: '示例汽车有限公司', email: 'zhang.san@example.com', passphrase: PASS, now: CREATED });
  keygenMs = performance.now() - started;
}, 60_000);

describe('creating an identity', () => {
  test('stores only an encrypted PKCS#12 and metadata named by the certificate fingerprint', async () => {
    const der = await exportCertificate(dir, identity.id, 'der');
    expect(identity).toEqual({
      id: createHash('sha256').update(der).digest('hex'),
      name: '张三',
      organisation: '示例汽车有限公司',
      email: 'zhang.san@example.com',
      subject: 'CN=张三, O=示例汽车有限公司, E=zhang.san@example.com',
      notBefore: CREATED.toISOString(),
      notAfter: '2031-11-23T08:00:00.000Z',
      createdAt: CREATED.toISOString(),
      source: 'created',
    });
    expect(readdirSync(dir).sort()).toEqual([`${identity.id}.json`, `${identity.id}.p12`]);
    const json = readFileSync(path.join(dir, `${identity.id}.json`), 'utf8');
    expect(json).not.toMatch(/PRIVATE|passphrase|密码/);
    expect(keygenMs).toBeLessThan(30_000);
  });

  test('the certificate: RSA-3072, SHA-256, UTF-8 names, 5 years, digitalSignature + nonRepudiation (+ certSign for NSS)', async () => {
    const pem = writeTemp(tempDir(), 'id.pem', await exportCertificate(dir, identity.id, 'pem'));
    const text = run('openssl', ['x509', '-in', pem, '-noout', '-text', '-nameopt', 'utf8']).stdout;
    expect(text).toContain('Public-Key: (3072 bit)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Subject: CN=张三, O=示例汽车有限公司, emailAddress=zhang.san@example.com');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation, Certificate Sign/);
    expect(text).toContain('Not After : Nov 23 08:00:00 2031 GMT');
    expect(text).toContain('email:zhang.san@example.com');
  });

  test('the key file needs the passphrase; the wrong one is bad-passphrase', async () => {
    const signer = await unlockIdentity(dir, identity.id, PASS);
    expect(signer.certificate).toEqual(await exportCertificate(dir, identity.id, 'der'));
    await expect(unlockIdentity(dir, identity.id, 'wrong passphrase')).rejects.toMatchObject({ code: 'bad-passphrase' });
    const info = run('openssl', ['pkcs12', '-info', '-noout', '-in', path.join(dir, `${identity.id}.p12`), '-passin', `pass:${PASS}`]);
    expect(info.stderr).toContain('AES-256-CBC');
  });

  test('short passphrases and invalid details are refused before any key is made', async () => {
    const empty = tempDir();
    await expect(createIdentity(empty, { name: 'A', organisation: 'B', passphrase: '1234567' })).rejects.toMatchObject({ code: 'weak-passphrase' });
    await expect(createIdentity(empty, { name: ' ', organisation: 'B', passphrase: PASS })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(createIdentity(empty, { name: 'A', organisation: 'B', email: 'not-an-email', passphrase: PASS })).rejects.toMatchObject({
      code: 'bad-input',
    });
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('the store', () => {
  test('lists, gets, exports PEM that matches the DER, and rejects unknown ids', async () => {
    expect(await listIdentities(dir)).toEqual([identity]);
    expect(await getIdentity(dir, identity.id)).toEqual(identity);
    const pem = (await exportCertificate(dir, identity.id, 'pem')).toString();
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/);
    expect(await listIdentities(path.join(dir, 'missing'))).toEqual([]);
    for (const id of ['0'.repeat(64), '../identities/x', identity.id.toUpperCase()]) {
      await expect(getIdentity(dir, id)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  test('damaged metadata is corrupt-store, never silently trusted', async () => {
    const copy = path.join(tempDir(), 'identities');
    const created = await importIdentity(copy, { p12: readFileSync(path.join(dir, `${identity.id}.p12`)), passphrase: PASS });
    const file = path.join(copy, `${created.id}.json`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...json, name: 42 }));
    await expect(listIdentities(copy)).rejects.toMatchObject({ code: 'corrupt-store' });
    writeFileSync(file, JSON.stringify({ ...json, certificate: Buffer.from('other').toString('base64') }));
    await expect(getIdentity(copy, created.id)).rejects.toMatchObject({ code: 'corrupt-store' });
    writeFileSync(file, '{');
    await expect(getIdentity(copy, created.id)).rejects.toMatchObject({ code: 'corrupt-store' });
  });

  test('remove deletes metadata and key', async () => {
    const copy = path.join(tempDir(), 'identities');
    const created = await importIdentity(copy, { p12: readFileSync(path.join(dir, `${identity.id}.p12`)), passphrase: PASS });
    await removeIdentity(copy, created.id);
    expect(readdirSync(copy)).toEqual([]);
    await expect(removeIdentity(copy, created.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('importing an organisation PKCS#12', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir();
    openssl(work, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Example Motors Root CA/O=Example Motors', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    openssl(work, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'auditor.key', '-out', 'auditor.csr', '-subj', '/CN=Li Si/O=Example Motors');
    writeFileSync(path.join(work, 'ext.cnf'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
    openssl(work, 'x509', '-req', '-in', 'auditor.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'auditor.pem', '-days', '1000', '-extfile', 'ext.cnf');
    openssl(work, 'pkcs12', '-export', '-legacy', '-in', 'auditor.pem', '-inkey', 'auditor.key', '-certfile', 'ca.pem', '-out', 'auditor.p12', '-passout', 'pass:short');
    openssl(work, 'x509', '-in', 'ca.pem', '-outform', 'der', '-out', 'ca.der');
  });

  test('a short original passphrase needs a new one; the wrong one is bad-passphrase; re-import is already-exists', async () => {
    const store = path.join(tempDir(), 'identities');
    const p12 = readFileSync(path.join(work, 'auditor.p12'));
    await expect(importIdentity(store, { p12, passphrase: 'wrong' })).rejects.toMatchObject({ code: 'bad-passphrase' });
    await expect(importIdentity(store, { p12, passphrase: 'short' })).rejects.toMatchObject({ code: 'weak-passphrase' });
    const imported = await importIdentity(store, { p12, passphrase: 'short', newPassphrase: 'a much longer one' });
    expect(imported).toMatchObject({ name: 'Li Si', organisation: 'Example Motors', source: 'imported', subject: 'CN=Li Si, O=Example Motors' });
    await expect(importIdentity(store, { p12, passphrase: 'short', newPassphrase: 'a much longer one' })).rejects.toMatchObject({
      code: 'already-exists',
    });
    await expect(unlockIdentity(store, imported.id, 'short')).rejects.toMatchObject({ code: 'bad-passphrase' });
    const signer = await unlockIdentity(store, imported.id, 'a much longer one');
    expect(signer.chain).toEqual([readFileSync(path.join(work, 'ca.der'))]);
  });

  test('a signature by the imported identity is trusted through its CA, by us and by NSS', async () => {
    const store = path.join(tempDir(), 'identities');
    const imported = await importIdentity(store, { p12: readFileSync(path.join(work, 'auditor.p12')), passphrase: 'short', newPassphrase: 'a much longer one' });
    const signer = await unlockIdentity(store, imported.id, 'a much longer one');
    const pdf = await signPdf(await makeDossierPdf(), { signer, signingTime: new Date() });
    const ca = readFileSync(path.join(work, 'ca.der'));
    expect((await verifyPdf(pdf, { trusted: [ca] })).signatures[0]).toMatchObject({
      valid: true,
      trusted: true,
      trustAnchor: createHash('sha256').update(ca).digest('hex'),
    });
    expect((await verifyPdf(pdf, { trusted: [] })).signatures[0]).toMatchObject({ valid: true, trusted: false });
    // Trusting the signer's own certificate, rather than its CA, works too.
    expect((await verifyPdf(pdf, { trusted: [signer.certificate] })).signatures[0]!.trusted).toBe(true);

    const nss = tempDir('adsg-nss-');
    expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]).status).toBe(0);
    expect(run('certutil', ['-A', '-n', 'ca', '-t', 'CT,C,C', '-i', path.join(work, 'ca.pem'), '-d', `sql:${nss}`]).status).toBe(0);
    const out = run('pdfsig', ['-nssdir', `sql:${nss}`, writeTemp(nss, 'signed.pdf', pdf)]);
    expect(pdfsigSummary(out.stdout)).toMatchObject({ total: 1, valid: 1, trusted: 1 });
  });

  test('an ECDSA P-256 key signs too (valid for pdfsig and for us)', async () => {
    openssl(work, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-out', 'ec.pem', '-days', '30', '-subj', '/CN=EC Signer');
    openssl(work, 'pkcs12', '-export', '-in', 'ec.pem', '-inkey', 'ec.key', '-out', 'ec.p12', '-passout', 'pass:long enough pass');
    const store = path.join(tempDir(), 'identities');
    const imported = await importIdentity(store, { p12: readFileSync(path.join(work, 'ec.p12')), passphrase: 'long enough pass' });
    const signer = await unlockIdentity(store, imported.id, 'long enough pass');
    // The certificate is valid from now on: a signature dated before now would be refused.
    const pdf = await signPdf(await makeDossierPdf(), { signer, signingTime: new Date() });
    expect(await verifyPdf(pdf, { trusted: [signer.certificate] })).toMatchObject({ ok: true, signatures: [{ signer: { commonName: 'EC Signer' } }] });
    expect(pdfsigSummary(run('pdfsig', [writeTemp(work, 'ec.pdf', pdf)]).stdout)).toMatchObject({ total: 1, valid: 1, lastCoversAll: true });
  });

  test('keys PDF readers do not accept are unsupported', async () => {
    openssl(work, 'req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', 'ed.key', '-out', 'ed.pem', '-days', '30', '-subj', '/CN=Edwards');
    openssl(work, 'pkcs12', '-export', '-in', 'ed.pem', '-inkey', 'ed.key', '-out', 'ed.p12', '-passout', 'pass:long enough pass');
    const store = path.join(tempDir(), 'identities');
    await expect(importIdentity(store, { p12: readFileSync(path.join(work, 'ed.p12')), passphrase: 'long enough pass' })).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(existsSync(store)).toBe(false);
  });
});
