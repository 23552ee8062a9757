import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTrail } from '../../../electron/core/audit-trail/trail';
import type { Core } from '../../../electron/core/core';
import { RulesPackError } from '../../../electron/core/rules/errors';
import { sealPack } from '../../../electron/core/rules/hash';
import { installPackFile } from '../../../electron/core/rules/install';
import { listInstalledPacks, loadInstalledPack } from '../../../electron/core/rules/installed';
import { signPackBytes } from '../../../electron/core/rules/pack-signature';
import { importTrustedCertificates } from '../../../electron/core/signing/trust-store';
import type { UnlockedSigner } from '../../../electron/core/signing/unlocked-signer';
import type { RulesPack } from '../../../shared/rules/schema';
import { tempCore, tempDir } from '../../helpers/temp';
import { makeSigner } from '../signing/support';

let publisher: UnlockedSigner;
let stranger: UnlockedSigner;
let shipped: RulesPack;
const SIGNED_AT = new Date('2026-12-01T08:00:00Z');

beforeAll(() => {
  publisher = makeSigner('规则发布者 Rules Publisher', 'Example Rules Office', 2048);
  stranger = makeSigner('Somebody Else', 'Unknown', 2048);
  shipped = JSON.parse(readFileSync(join(process.cwd(), 'dist', 'rules', 'adsg-2026@1.0.0.json'), 'utf8')) as RulesPack;
});

/** The shipped pack as another version (or edited), sealed, written as a publisher would ship it. */
function packFile(version: string, edit: (content: Omit<RulesPack, 'itemHashes' | 'contentHash'>) => void = () => {}): { file: string; bytes: Buffer; pack: RulesPack } {
  const { itemHashes: _h, contentHash: _c, ...content } = structuredClone(shipped);
  content.version = version;
  edit(content);
  const pack = sealPack(content);
  const file = join(tempDir('adsg-pack-file-'), `adsg-2026@${version}.json`);
  const bytes = Buffer.from(`${JSON.stringify(pack, null, 2)}\n`);
  writeFileSync(file, bytes);
  return { file, bytes, pack };
}

async function signed(version: string, by = publisher, edit?: Parameters<typeof packFile>[1]) {
  const made = packFile(version, edit);
  writeFileSync(`${made.file}.p7s`, await signPackBytes(made.bytes, by, SIGNED_AT));
  return made;
}

async function trustingCore(): Promise<Core> {
  const core = tempCore();
  await importTrustedCertificates(core.paths.trust, publisher.certificate);
  return core;
}

async function refusal(promise: Promise<unknown>): Promise<RulesPackError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RulesPackError)) throw new Error(`expected a RulesPackError, got ${String(error)}`);
  return error;
}

const machineTrail = (core: Core) => listTrail(core.db, '').filter((r) => r.entity === 'rules-pack');

describe('installing a rules pack', () => {
  it('installs a pack signed by a trusted publisher into the data folder, read-only, and logs who signed it', async () => {
    const core = await trustingCore();
    const { file, pack } = await signed('1.2.0');
    const result = await installPackFile(core, { file, allowUnsigned: false });
    expect(result).toMatchObject({ id: 'adsg-2026', version: '1.2.0', contentHash: pack.contentHash, installed: true, file: join(core.paths.rules, 'adsg-2026@1.2.0.json') });
    expect(result.signer?.commonName).toBe('规则发布者 Rules Publisher');
    expect(statSync(result.file).mode & 0o777).toBe(0o444);
    expect((await listInstalledPacks(core.rulesDir)).map((p) => `${p.version}:${p.origin}`)).toContain('1.2.0:installed');
    expect((await loadInstalledPack(core.rulesDir, 'adsg-2026', '1.2.0')).contentHash).toBe(pack.contentHash);

    const [row] = machineTrail(core);
    expect(row).toMatchObject({ projectId: null, entityId: 'adsg-2026@1.2.0', action: 'install', after: { contentHash: pack.contentHash, signer: { fingerprint: result.signer!.fingerprint } } });
    expect(Buffer.from((row!.after as { signature: string }).signature, 'base64').equals(readFileSync(`${file}.p7s`))).toBe(true);

    // The same pack again changes nothing and logs nothing.
    expect(await installPackFile(core, { file, allowUnsigned: false })).toMatchObject({ installed: false });
    expect(machineTrail(core)).toHaveLength(1);
  });

  it('refuses a pack changed after it was signed, in both languages, writing nothing', async () => {
    const core = await trustingCore();
    const { file } = await signed('1.2.0');
    // Changed and even resealed, so the pack's own hashes agree: only the signature can tell.
    const { bytes } = packFile('1.2.0', (c) => (c.thresholds[0]!.value = 5));
    writeFileSync(file, bytes);
    const error = await refusal(installPackFile(core, { file, allowUnsigned: false }));
    expect(error.code).toBe('signature-invalid');
    expect(error.payloadCode).toBe('integrity');
    expect(error.describe('en')).toContain('the file was changed after it was signed');
    expect(error.describe('zh-CN')).toContain('文件在签名后被改动');
    expect(await listInstalledPacks(core.paths.rules)).toEqual([]);
    expect(machineTrail(core)).toEqual([]);
  });

  it('refuses a pack signed by someone not in the trust store, naming them', async () => {
    const core = await trustingCore();
    const { file } = await signed('1.2.0', stranger);
    const error = await refusal(installPackFile(core, { file, allowUnsigned: false }));
    expect(error.code).toBe('untrusted');
    expect(error.describe('en')).toContain('signed by Somebody Else, Unknown');
    expect(error.describe('en')).toContain('not in this machine’s trust store');
    expect(error.describe('zh-CN')).toContain('该证书不在本机信任库中');
    expect(await listInstalledPacks(core.paths.rules)).toEqual([]);
  });

  it('refuses an unsigned pack unless the user allows it, and then logs that it was unsigned', async () => {
    const core = await trustingCore();
    const { file } = packFile('1.2.0-draft');
    const error = await refusal(installPackFile(core, { file, allowUnsigned: false }));
    expect(error.code).toBe('unsigned');
    expect(error.describe('en')).toContain('--allow-unsigned');
    expect(error.describe('zh-CN')).toContain('没有签名');

    const result = await installPackFile(core, { file, allowUnsigned: true });
    expect(result).toMatchObject({ installed: true, signer: null });
    expect(machineTrail(core)).toEqual([expect.objectContaining({ action: 'install-unsigned', entityId: 'adsg-2026@1.2.0-draft', after: expect.objectContaining({ signer: null, signature: null }) })]);
  });

  it('validates the pack fully: a signed file whose content does not match its hashes is refused', async () => {
    const core = await trustingCore();
    const { file, pack } = packFile('1.2.0');
    const bytes = Buffer.from(JSON.stringify({ ...pack, thresholds: pack.thresholds.map((t) => ({ ...t, value: t.value + 1 })) }));
    writeFileSync(file, bytes);
    writeFileSync(`${file}.p7s`, await signPackBytes(bytes, publisher, SIGNED_AT));
    expect((await refusal(installPackFile(core, { file, allowUnsigned: false }))).code).toBe('tampered');
  });

  it('never replaces a pack: other content under an installed or shipped id and version is refused', async () => {
    const core = await trustingCore();
    const first = await signed('1.2.0');
    await installPackFile(core, { file: first.file, allowUnsigned: false });
    const other = await signed('1.2.0', publisher, (c) => (c.title = { ...c.title, en: 'Another 1.2.0' }));
    const conflict = await refusal(installPackFile(core, { file: other.file, allowUnsigned: false }));
    expect(conflict.code).toBe('conflict');
    expect(conflict.describe('en')).toContain('refusing a different pack');
    expect((await loadInstalledPack(core.rulesDir, 'adsg-2026', '1.2.0')).contentHash).toBe(first.pack.contentHash);

    const shadow = await signed('1.0.0', publisher, (c) => (c.title = { ...c.title, en: 'Not the shipped 1.0.0' }));
    expect((await refusal(installPackFile(core, { file: shadow.file, allowUnsigned: false }))).code).toBe('conflict');
    expect((await loadInstalledPack(core.rulesDir, 'adsg-2026', '1.0.0')).contentHash).toBe(shipped.contentHash);
  });
});
