import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../electron/core/evidence/errors';
import { storedPath } from '../../../electron/core/evidence/paths';
import { assertSha256, isSha256 } from '../../../electron/core/evidence/sha256';
import { verifyStoredFile } from '../../../electron/core/evidence/verify';

const GOOD = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const HOSTILE = [
  '../../etc/passwd',
  `../${GOOD.slice(3)}`,
  `${GOOD.slice(0, 62)}/.`,
  `${GOOD.slice(0, 63)}\0`,
  GOOD.toUpperCase(),
  GOOD.slice(1),
  `${GOOD}0`,
  ` ${GOOD.slice(1)}`,
  '/etc/passwd',
  '',
  'C:\\Windows\\system32',
];

describe('sha256 validation', () => {
  it('accepts exactly 64 lower-case hex digits', () => {
    expect(isSha256(GOOD)).toBe(true);
    expect(() => assertSha256(GOOD)).not.toThrow();
  });

  it.each(HOSTILE)('refuses %j with bad-hash', (value) => {
    expect(isSha256(value)).toBe(false);
    expect(() => storedPath('/store', value)).toThrow(EvidenceError);
    expect(() => storedPath('/store', value)).toThrow(expect.objectContaining({ code: 'bad-hash' }));
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, { length: 64 }]) expect(() => assertSha256(value)).toThrow(/SHA-256/);
  });

  it('refuses hostile values in verification too, before touching the disk', async () => {
    await expect(verifyStoredFile('/store', '../../etc/passwd', 1)).rejects.toMatchObject({ code: 'bad-hash' });
  });

  it('keeps a valid hash inside the store folder', () => {
    expect(storedPath('/store', GOOD)).toBe(path.join('/store', 'e3', GOOD));
  });
});
