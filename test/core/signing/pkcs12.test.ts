import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { certificateToPem } from '../../../electron/core/signing/pem';
import { readPkcs12, writePkcs12 } from '../../../electron/core/signing/pkcs12';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { makeSigner, run, tempDir, writeTemp } from './support';

const PASS = '密码 correct horse';
let signer: UnlockedSigner;
let dir: string;
let certPem: string;
let keyPem: string;

/** A PKCS#12 made by the OpenSSL command line, as an organisation would hand it over. */
function opensslP12(name: string, args: string[], passphrase = 'org-passphrase'): Buffer {
  const out = `${dir}/${name}.p12`;
  const result = run('openssl', ['pkcs12', '-export', '-out', out, '-passout', `pass:${passphrase}`, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(out);
}

beforeAll(() => {
  signer = makeSigner('Key Holder', 'Example Motors', 2048);
  dir = tempDir();
  certPem = writeTemp(dir, 'cert.pem', certificateToPem(signer.certificate));
  keyPem = writeTemp(dir, 'key.pem', signer.privateKey.export({ type: 'pkcs8', format: 'pem' }));
});

describe('our PKCS#12', () => {
  test('round-trips key, certificate and chain with a Chinese passphrase', () => {
    const p12 = writePkcs12({ ...signer, chain: [] }, PASS, { friendlyName: '持有人', iterations: 10_000 });
    const back = readPkcs12(p12, PASS);
    expect(back.certificate).toEqual(signer.certificate);
    expect(back.privateKey.equals(signer.privateKey)).toBe(true);
    expect(back.chain).toEqual([]);
  });

  test('a wrong passphrase is bad-passphrase', () => {
    const p12 = writePkcs12(signer, PASS, { iterations: 10_000 });
    for (const wrong of ['', 'correct horse', `${PASS} `]) {
      expect(() => readPkcs12(p12, wrong)).toThrow(expect.objectContaining({ name: 'SigningError', code: 'bad-passphrase' }));
    }
  });

  test('OpenSSL opens it: PBES2, PBKDF2-HMAC-SHA256 600000 iterations, AES-256-CBC, same key', () => {
    const file = writeTemp(dir, 'ours.p12', writePkcs12(signer, PASS));
    const info = run('openssl', ['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${PASS}`]);
    expect(info.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256');
    const key = run('openssl', ['pkcs12', '-in', file, '-passin', `pass:${PASS}`, '-nocerts', '-nodes']);
    expect(key.status).toBe(0);
    expect(key.stdout).toContain(signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim());
  });
});

describe('PKCS#12 files from OpenSSL', () => {
  test.each([
    ['OpenSSL 3 defaults (PBES2/AES-256, SHA-256 MAC)', []],
    ['legacy (RC2-40 certificates, 3DES key, SHA-1 MAC)', ['-legacy']],
    ['3DES everywhere', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']],
    ['no MAC, unencrypted certificates', ['-nomac', '-certpbe', 'NONE']],
  ])('%s: opened with the right passphrase, refused with a wrong one', (name, extra) => {
    const p12 = opensslP12(name.replace(/\W+/g, '-'), ['-in', certPem, '-inkey', keyPem, ...extra]);
    const back = readPkcs12(p12, 'org-passphrase');
    expect(back.certificate).toEqual(signer.certificate);
    expect(() => readPkcs12(p12, 'not-the-passphrase')).toThrow(expect.objectContaining({ code: 'bad-passphrase' }));
  });

  test('the issuer chain comes back ordered; unrelated certificates are dropped', () => {
    run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/ca.key`, '-out', `${dir}/ca.pem`, '-days', '30', '-subj', '/CN=Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE']);
    run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/leaf.key`, '-out', `${dir}/leaf.csr`, '-subj', '/CN=Leaf']);
    run('openssl', ['x509', '-req', '-in', `${dir}/leaf.csr`, '-CA', `${dir}/ca.pem`, '-CAkey', `${dir}/ca.key`, '-CAcreateserial', '-out', `${dir}/leaf.pem`, '-days', '20']);
    run('sh', ['-c', `cat ${dir}/ca.pem ${certPem} > ${dir}/extra.pem`]);
    const p12 = opensslP12('chain', ['-in', `${dir}/leaf.pem`, '-inkey', `${dir}/leaf.key`, '-certfile', `${dir}/extra.pem`]);
    const back = readPkcs12(p12, 'org-passphrase');
    run('openssl', ['x509', '-in', `${dir}/ca.pem`, '-outform', 'der', '-out', `${dir}/ca.der`]);
    run('openssl', ['x509', '-in', `${dir}/leaf.pem`, '-outform', 'der', '-out', `${dir}/leaf.der`]);
    expect(back.certificate).toEqual(readFileSync(`${dir}/leaf.der`));
    expect(back.chain).toEqual([readFileSync(`${dir}/ca.der`)]);
  });

  test('a file without a key, without a certificate, or with a key matching no certificate is refused', () => {
    const noKey = opensslP12('nokey', ['-in', certPem, '-nokeys']);
    expect(() => readPkcs12(noKey, 'org-passphrase')).toThrow(expect.objectContaining({ code: 'bad-input', message: expect.stringContaining('no private key') }));
    const noCert = opensslP12('nocert', ['-inkey', keyPem, '-nocerts']);
    expect(() => readPkcs12(noCert, 'org-passphrase')).toThrow(expect.objectContaining({ code: 'bad-input', message: expect.stringContaining('no certificate') }));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const mismatched = writePkcs12({ ...signer, privateKey: other }, PASS, { iterations: 1000 });
    expect(() => readPkcs12(mismatched, PASS)).toThrow(expect.objectContaining({ code: 'bad-input', message: expect.stringContaining('matches') }));
  });

  test('garbage and truncated files are bad-input, not crashes', () => {
    const good = writePkcs12(signer, PASS, { iterations: 1000 });
    for (const bytes of [Buffer.alloc(0), Buffer.from('hello'), Buffer.alloc(64, 0x30), good.subarray(0, good.length - 10), Buffer.concat([good, Buffer.from([0])])]) {
      expect(() => readPkcs12(bytes, PASS)).toThrow(expect.objectContaining({ name: 'SigningError', code: 'bad-input' }));
    }
  });
});
