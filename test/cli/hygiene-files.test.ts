import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli';
import { RULES_DIR, tempDir } from '../helpers/temp';

let dir: string;
/** Files no argument may be: a device that never ends, a pipe nobody writes to, 2 GiB (sparse), a folder. */
const hostile: Record<string, string> = {};

beforeAll(() => {
  dir = tempDir();
  hostile['/dev/zero'] = '/dev/zero';
  hostile.fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [hostile.fifo]);
  hostile['2 GiB file'] = join(dir, 'huge.bin');
  writeFileSync(hostile['2 GiB file'], '');
  truncateSync(hostile['2 GiB file'], 2 * 1024 ** 3);
  hostile.folder = dir;
  writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.7\n');
});

const identityCreate = (file: string, lang = 'en') =>
  runCli(['--data-dir', tempDir(), '--lang', lang, 'identity', 'create', '--name', 'Li Wei', '--organization', 'Example Audit', '--passphrase-file', file]);

describe('files named on the command line are read within limits, and refused at once otherwise (exit 2)', () => {
  test.each(['/dev/zero', 'fifo', '2 GiB file', 'folder'])('a passphrase file that is %s', (kind) => {
    const started = Date.now();
    const r = identityCreate(hostile[kind]!);
    // Before, /dev/zero ran for minutes and a FIFO waited for ever; a generous bound catches only a hang.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--passphrase-file');
    expect(r.stderr).toMatch(kind === '2 GiB file' ? /larger than the limit of 1024 bytes/ : /is not a regular file/);
  });

  test('a passphrase file must be text: NUL bytes or invalid UTF-8 are refused, in the user’s language', () => {
    const nul = join(dir, 'nul.txt');
    writeFileSync(nul, Buffer.from('long enough\0passphrase\n'));
    expect(identityCreate(nul).stderr).toContain('is not a text file (it must be UTF-8, without NUL bytes)');
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x70, 0xe4, 0x73, 0x73, 0x77, 0xf6, 0x72, 0x74, 0x0a]));
    const zh = identityCreate(latin1, 'zh-CN');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('不是文本文件');
    const over = join(dir, 'over.txt');
    writeFileSync(over, 'x'.repeat(1025));
    expect(identityCreate(over).stderr).toContain('larger than the limit of 1024 bytes');
  });

  test('the first line of a genuine passphrase file is still the passphrase (UTF-8, CR LF, up to the limit)', () => {
    const file = join(dir, 'pass.txt');
    writeFileSync(file, `${'口令'.repeat(100)}\r\nsecond line\r\n`);
    const r = runCli(['--data-dir', tempDir(), '--json', 'identity', 'create', '--name', 'Li Wei', '--organization', 'Example Audit', '--passphrase-file', file]);
    expect(r.code, r.stderr).toBe(0);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\nsecond');
    expect(identityCreate(empty).stderr).toContain('--passphrase-file: the first line of');
  });

  test.each([
    ['determine --facts', '--facts', (f: string) => ['determine', '--facts', f, '--rules-dir', RULES_DIR]],
    ['trust import', '<file>', (f: string) => ['trust', 'import', f]],
    ['verify --trust', '--trust', (f: string) => ['verify', join(dir, 'doc.pdf'), '--trust', f]],
    ['verify', '<file>', (f: string) => ['verify', f]],
    ['identity import', '<file>', (f: string) => ['identity', 'import', f, '--passphrase-file', '/dev/null']],
  ])('every other argument file too: %s', (_command, option, args) => {
    for (const kind of ['/dev/zero', 'fifo', 'folder']) {
      const r = runCli(['--data-dir', tempDir(), ...args(hostile[kind]!)]);
      expect(r.code, `${kind}: ${r.stderr}`).toBe(2);
      expect(r.stderr, kind).toContain(`${option}: `);
      expect(r.stderr, kind).toContain('is not a regular file');
    }
  });

  test('each kind has its own limit: 2 MiB is too much for a certificate, not for facts; 2 GiB is too much for facts', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, `[${'0,'.repeat(1024 * 1024)}0]`);
    expect(runCli(['--data-dir', tempDir(), 'trust', 'import', big]).stderr).toContain('larger than the limit of 1048576 bytes');
    const facts = runCli(['determine', '--facts', big, '--rules-dir', RULES_DIR]);
    // 2 MiB of facts is within the 4 MiB limit: the file is read and judged on its content.
    expect(facts.stderr).not.toContain('larger than the limit');
    expect(runCli(['determine', '--facts', hostile['2 GiB file']!, '--rules-dir', RULES_DIR]).stderr).toContain('larger than the limit of 4194304 bytes');
  });
});
