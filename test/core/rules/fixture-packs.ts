import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'rules');

/**
 * A pack folder named `name` in a fresh temp folder: the valid `base` fixture with the files of
 * test/fixtures/rules/<name>/ laid over it (see that folder's README).
 */
export async function fixturePack(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'adsg-rules-'));
  const dir = join(root, name);
  await cp(join(FIXTURES, 'base'), dir, { recursive: true });
  if (name !== 'base') await cp(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
