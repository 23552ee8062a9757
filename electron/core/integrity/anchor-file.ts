import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json';
import { Sha256Hex } from '../../../shared/domain/evidence';
import { replaceFileDurably } from './durable-file';
import type { AnchorKey } from './key';

/** Where a chain ended when it was anchored: its row count, the hash of its last row, and when. */
export const ChainAnchor = z.strictObject({
  chain: z.string().max(100),
  rows: z.number().int().min(1),
  head: Sha256Hex,
  at: z.string().max(40),
});
export type ChainAnchor = z.infer<typeof ChainAnchor>;

/** What the MAC covers: the data folder it belongs to, the key that made it, and every chain's end. */
const AnchorBody = z.strictObject({
  format: z.literal('adsg-anchor/1'),
  folderId: z.uuid(),
  keyId: Sha256Hex,
  chains: z.array(ChainAnchor).max(1_000_000),
});
export type AnchorBody = z.infer<typeof AnchorBody>;

const AnchorFile = AnchorBody.extend({ mac: Sha256Hex }).strict();
export type AnchorFile = z.infer<typeof AnchorFile>;

/** Far above any real anchor (a few hundred bytes per chain). */
const MAX_BYTES = 64 * 1024 * 1024;

/** What is on disk: nothing, something that is not an anchor file, or a well-formed one (MAC not yet checked). */
export type AnchorRead = { state: 'missing' } | { state: 'unreadable'; detail: string } | { state: 'read'; file: AnchorFile };

const macOf = (body: AnchorBody, key: AnchorKey) => createHmac('sha256', key.bytes).update(canonicalJson(body)).digest('hex');

/** Reads the anchor file, bounded in size and checked against its strict schema. */
export function readAnchorFile(path: string): AnchorRead {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_BYTES) return { state: 'unreadable', detail: `larger than ${MAX_BYTES} bytes` };
      const bytes = Buffer.alloc(size);
      for (let done = 0; done < size; ) {
        const n = readSync(fd, bytes, done, size - done, done);
        if (n === 0) break;
        done += n;
      }
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', detail: (e as Error).message.slice(0, 200) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'unreadable', detail: 'not JSON' };
  }
  const parsed = AnchorFile.safeParse(json);
  if (!parsed.success) return { state: 'unreadable', detail: parsed.error.issues[0]?.message.slice(0, 200) ?? 'invalid' };
  return { state: 'read', file: parsed.data };
}

/** True when the file was made with `key` and its MAC matches its content. */
export function isAuthentic(file: AnchorFile, key: AnchorKey): boolean {
  if (file.keyId !== key.id) return false;
  const { mac, ...body } = file;
  return timingSafeEqual(Buffer.from(macOf(body, key), 'hex'), Buffer.from(mac, 'hex'));
}

/** Writes the anchor, MAC-ed with `key`, durably (see replaceFileDurably: only under the database write lock). */
export function writeAnchorFile(path: string, body: AnchorBody, key: AnchorKey): void {
  const sorted = { ...body, chains: [...body.chains].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0)) };
  replaceFileDurably(path, `${JSON.stringify({ ...sorted, mac: macOf(sorted, key) }, null, 1)}\n`);
}
