import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { CliError, EXIT, printError, type GlobalOptions } from './context';

/** Entry point of `adsg`: runs the program and turns every failure into a message and an exit code. */
async function main(): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) {
      // The run's language once the options are parsed (a CliError is thrown by an action, after that).
      const message = e.messageIn((program.getOptionValue('globals') as GlobalOptions | undefined)?.lang ?? 'en');
      if (message) printError(message);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version exit 0; unknown options and missing arguments are bad input.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    printError((e as Error)?.stack ?? String(e));
    return EXIT.internal;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
