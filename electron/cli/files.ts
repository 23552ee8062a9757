import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, EXIT } from './context';

/** Reads a file the user named; a missing one is bad input naming the option. */
export async function readArg(path: string, option: string): Promise<Buffer> {
  try {
    return await readFile(resolve(path));
  } catch (e) {
    throw new CliError(EXIT.badInput, `${option}: ${(e as Error).message}`);
  }
}

/** The passphrase from a file (first line), so it never appears in the process list or shell history. */
export async function passphraseFrom(path: string): Promise<string> {
  const text = (await readArg(path, '--passphrase-file')).toString('utf8');
  const first = text.split(/\r?\n/)[0] ?? '';
  if (!first) throw new CliError(EXIT.badInput, '--passphrase-file: the file is empty');
  return first;
}
