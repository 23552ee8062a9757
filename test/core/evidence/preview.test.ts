import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PREVIEW_BYTES, readPreview } from '../../../electron/core/evidence/preview';
import { storeFile, tempFolder } from './helpers';

async function stored(content: string | Buffer) {
  const dir = await tempFolder();
  const src = path.join(dir, 'file');
  await writeFile(src, content);
  const root = path.join(dir, 'evidence');
  return { root, sha256: (await storeFile(src, root)).sha256 };
}

describe('readPreview', () => {
  it('returns a short text whole', async () => {
    const { root, sha256 } = await stored('日志导出 log export\n');
    expect(await readPreview(root, sha256, 1024)).toEqual({
      text: '日志导出 log export\n',
      truncated: false,
      binary: false,
    });
  });

  it('reads no more than maxBytes and drops a character cut in half', async () => {
    // '数' is 3 bytes in UTF-8: 10 bytes = 'ab' + two whole characters + 2 bytes of the third.
    const { root, sha256 } = await stored('ab数据出境安全');
    const preview = await readPreview(root, sha256, 10);
    expect(preview).toEqual({ text: 'ab数据', truncated: true, binary: false });
    expect(preview.text).not.toContain('\uFFFD');
  });

  it('flags binary content', async () => {
    const { root, sha256 } = await stored(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect((await readPreview(root, sha256, 100)).binary).toBe(true);
  });

  it('fails with not-found for a hash that is not stored, bad-hash for a malformed one', async () => {
    const { root } = await stored('x');
    await expect(readPreview(root, 'a'.repeat(64), 10)).rejects.toMatchObject({ code: 'not-found' });
    await expect(readPreview(root, '../../etc/passwd', 10)).rejects.toMatchObject({ code: 'bad-hash' });
  });

  it('refuses a limit outside 1..MAX_PREVIEW_BYTES', async () => {
    const { root, sha256 } = await stored('x');
    for (const limit of [0, -1, 1.5, MAX_PREVIEW_BYTES + 1, Number.NaN]) {
      await expect(readPreview(root, sha256, limit)).rejects.toBeInstanceOf(RangeError);
    }
  });
});
