import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { certificateToPem } from '../../../electron/core/signing/pem';
import {
  importTrustedCertificates,
  listTrustedCertificates,
  readTrustedCertificates,
  removeTrustedCertificate,
} from '../../../electron/core/signing/trust-store';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import { makeSigner, tempDir } from './support';

let alice: UnlockedSigner;
let bob: UnlockedSigner;

beforeAll(() => {
  alice = makeSigner('Alice 审核', 'Auditors Ltd', 2048);
  bob = makeSigner('Bob', 'Reviewers Ltd', 2048);
});

describe('trust store', () => {
  test('imports a PEM bundle and a DER file, stores <sha256>.der, lists them by subject', async () => {
    const dir = path.join(tempDir(), 'trust');
    const bundle = Buffer.from(certificateToPem(bob.certificate) + 'comment between blocks\n' + certificateToPem(alice.certificate));
    const imported = await importTrustedCertificates(dir, bundle);
    expect(imported.map((c) => c.commonName)).toEqual(['Bob', 'Alice 审核']);
    expect(imported[1]).toMatchObject({ organisation: 'Auditors Ltd', subject: 'CN=Alice 审核, O=Auditors Ltd', isCA: true });
    expect(await importTrustedCertificates(dir, alice.certificate)).toHaveLength(1); // idempotent
    const listed = await listTrustedCertificates(dir);
    expect(listed.map((c) => c.commonName)).toEqual(['Alice 审核', 'Bob']);
    expect(readdirSync(dir).sort()).toEqual(listed.map((c) => `${c.fingerprint}.der`).sort());
    expect((await readTrustedCertificates(dir)).sort(Buffer.compare)).toEqual([alice.certificate, bob.certificate].sort(Buffer.compare));
  });

  test('remove forgets a certificate; unknown fingerprints are not-found', async () => {
    const dir = path.join(tempDir(), 'trust');
    const [bobInfo] = await importTrustedCertificates(dir, bob.certificate);
    await removeTrustedCertificate(dir, bobInfo!.fingerprint.toUpperCase());
    expect(await listTrustedCertificates(dir)).toEqual([]);
    await expect(removeTrustedCertificate(dir, bobInfo!.fingerprint)).rejects.toMatchObject({ code: 'not-found' });
    await expect(removeTrustedCertificate(dir, '../../etc/passwd')).rejects.toMatchObject({ code: 'not-found' });
  });

  test('garbage is refused with bad-input and nothing is written', async () => {
    const dir = path.join(tempDir(), 'trust');
    const garbage = [
      Buffer.alloc(0),
      Buffer.from('hello world'),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'),
      Buffer.from('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'),
      alice.certificate.subarray(0, 100),
      Buffer.concat([alice.certificate, Buffer.from([0, 0])]),
      Buffer.concat([Buffer.from(certificateToPem(alice.certificate)), Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')]),
    ];
    for (const bytes of garbage) {
      await expect(importTrustedCertificates(dir, bytes), bytes.toString('latin1').slice(0, 30)).rejects.toMatchObject({
        name: 'SigningError',
        code: 'bad-input',
      });
    }
    expect(await listTrustedCertificates(dir)).toEqual([]);
  });

  test('a stored certificate altered on disk is corrupt-store; stray files are ignored', async () => {
    const dir = path.join(tempDir(), 'trust');
    const [info] = await importTrustedCertificates(dir, alice.certificate);
    writeFileSync(path.join(dir, 'notes.txt'), 'not a certificate');
    expect(await listTrustedCertificates(dir)).toHaveLength(1);
    writeFileSync(path.join(dir, `${info!.fingerprint}.der`), bob.certificate);
    await expect(listTrustedCertificates(dir)).rejects.toMatchObject({ code: 'corrupt-store' });
  });
});
