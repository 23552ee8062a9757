import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { CliError, EXIT } from './context';

/** Entry point of `adsg`: runs the program and turns every failure into a message and an exit code. */
async function main(): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message) process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version exit 0; unknown options and missing arguments are bad input.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
