import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { checkChainIntegrity } from '../../../electron/core/integrity/project-integrity';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { headlessPorts, type Ports } from '../../../electron/core/ports';
import { createIdentity } from '../../../electron/core/signing';
import { tempDir } from '../../helpers/temp';
import { acceptedDemo } from './support';

const PASS = 'delivery-2026-pass';
let core: Core;
let projectId = '';
let identityId = '';

const signRows = () => (core.db.prepare("SELECT count(*) AS n FROM audit_trail WHERE chain_key = ? AND entity = 'dossier'").get(projectId) as { n: number }).n;
const generate = (saveTo: string | null) => {
  const ports: Ports = { ...headlessPorts, saveFile: async () => saveTo };
  return dispatch(core, 'dossier:generate', { projectId, lang: 'en', identityId, passphrase: PASS, jobId: 'ipc' }, ports);
};

beforeAll(async () => {
  ({ core, projectId } = await acceptedDemo());
  identityId = (await createIdentity(core.paths.identities, { name: 'Li Wei', organisation: 'Example Audit', passphrase: PASS, keyBits: 2048, now: core.now() })).id;
}, 60_000);

describe('dossier:generate records the signature only once the file is saved', () => {
  test('a cancelled save dialog records nothing', async () => {
    expect(await generate(null)).toEqual({ ok: true, value: { saved: false, path: null } });
    expect(signRows()).toBe(0);
  }, 60_000);

  test('a save the OS refuses is an io error in the user’s language, and records nothing', async () => {
    const result = await generate('/nonexistent/dir/dossier.pdf');
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!result.ok && result.error.message).toMatch(/所在文件夹不存在|its folder does not exist/);
    expect(signRows()).toBe(0);
  }, 60_000);

  test('a saved dossier is recorded once, with its hash, and the chain stays sound and anchored', async () => {
    const path = join(tempDir(), 'dossier.pdf');
    const result = await generate(path);
    expect(result).toEqual({ ok: true, value: { saved: true, path } });
    expect(existsSync(path)).toBe(true);
    const row = core.db.prepare("SELECT after FROM audit_trail WHERE chain_key = ? AND entity = 'dossier'").all(projectId) as { after: string }[];
    expect(row).toHaveLength(1);
    expect(JSON.parse(row[0]!.after)).toMatchObject({ revision: 1, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') });
    const check = checkChainIntegrity(core, projectId);
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.anchoredRows).toBe(check.rows);
  }, 60_000);
});
