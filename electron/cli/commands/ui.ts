import { type Command } from 'commander';
import { z } from 'zod';
import { webMessage } from '../../../shared/i18n/web-messages';
import { describeProblem } from '../../core/integrity/problems';
import { openInBrowser } from '../../web/open-browser';
import { startWebHost } from '../../web/start';
import { WebError } from '../../web/web-error';
import { CliError, EXIT, globalsOf, print, printError, type GlobalOptions } from '../context';
import { toCliError } from '../core-session';
import { APP_VERSION } from '../version';

const Port = z.coerce.number().int().min(0).max(65535);

/** Resolves at the first Ctrl-C (SIGINT) or SIGTERM; a second one then ends the process at once. */
const stopSignal = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });

function startError(e: unknown, globals: GlobalOptions): unknown {
  if (e instanceof WebError) return new CliError(e.key === 'ui.port-in-use' ? EXIT.badInput : EXIT.checkFailed, webMessage(globals.lang, e.key, e.params));
  return toCliError(e, globals);
}

/** `adsg ui`: the workbench in the browser, served from this machine only, until Ctrl-C. */
export function registerUiCommand(program: Command): void {
  program
    .command('ui')
    .description('open the workbench in your browser, served from this machine only (127.0.0.1)')
    .option('--port <n>', 'port to listen on (0: a free port the system picks)', '0')
    .option('--no-open', 'print the address without opening a browser')
    .action(async (options: { port: string; open: boolean }, command: Command) => {
      const globals = globalsOf(command);
      const port = Port.safeParse(options.port);
      if (!port.success) throw new CliError(EXIT.badInput, webMessage(globals.lang, 'ui.port'));
      const host = await startWebHost({ dataDir: globals.dataDir, appVersion: APP_VERSION, port: port.data }).catch((e: unknown) => {
        throw startError(e, globals);
      });
      if (host.notice) printError(describeProblem(host.notice, globals.lang));
      // Listening for Ctrl-C before the address is out: whoever reads it may stop us at once.
      const stopped = stopSignal();
      // stdout carries exactly this line (scripts and the e2e suite read it); the rest goes to stderr.
      print(globals, { url: host.url, port: host.port }, () => [webMessage(globals.lang, 'ui.started', { url: host.url })]);
      printError(webMessage(globals.lang, 'ui.hint', { dataDir: globals.dataDir }));
      if (options.open && !(await openInBrowser(host.url))) printError(webMessage(globals.lang, 'ui.open-failed'));
      await stopped;
      printError(webMessage(globals.lang, 'ui.stopping'));
      await host.close();
      printError(webMessage(globals.lang, 'ui.stopped'));
    });
}
