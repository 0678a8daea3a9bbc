/**
 * `vitrine kiosk`: run a kiosk from its config in the browser host, until Ctrl-C (SIGINT),
 * SIGTERM, or (with --browser) staff exiting it from the staff panel. stdout gets one line (`kiosk: open URL`, or that the runtime runs without a UI), which
 * scripts and tests read; the log goes to stderr. Exit codes: 0 stopped, 1 the config is invalid,
 * 2 bad usage or the kiosk could not start.
 */
import type { Command } from 'commander';
import { pino } from 'pino';
import { ConfigLoadError, startHost, type Host } from '../../../main/host/index.js';
import { CliExit, err, out } from '../io.js';

interface KioskOptions {
  config: string;
  data?: string;
  port: string;
  browser?: string;
  browserArg: string[];
  ui: boolean;
}

export function registerKioskCommand(program: Command): void {
  program
    .command('kiosk')
    .description('run a kiosk: the runtime, and its UI served on 127.0.0.1 for a Chromium in kiosk mode')
    .requiredOption('--config <file>', 'the kiosk config')
    .option('--data <dir>', 'data directory (default: .vitrine/<device id> beside the config)')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '0')
    .option('--browser <path>', 'launch this Chromium on the kiosk page, and relaunch it when it exits')
    .option(
      '--browser-arg <flag>',
      'one more Chromium flag, e.g. --browser-arg=--ozone-platform=wayland (repeatable)',
      (flag: string, flags: string[]) => [...flags, flag],
      [],
    )
    .option('--no-ui', 'run the runtime only: no server, no browser')
    .action(async (options: KioskOptions) => {
      await runKiosk(options, program.version() ?? '0.0.0');
    });
}

function portOption(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    err(`--port: expected a whole number from 0 to 65535, got "${text}"`);
    throw new CliExit(2);
  }
  return port;
}

async function runKiosk(options: KioskOptions, appVersion: string): Promise<void> {
  const port = portOption(options.port);
  if (!options.ui && options.browser !== undefined) {
    err('--browser opens the UI, which --no-ui turns off: give one of them');
    throw new CliExit(2);
  }
  // process.stderr rather than fd 2, so the log stays in order with err() and tests can capture it.
  const log = pino({ name: 'vitrine-kiosk' }, process.stderr);
  let host: Host;
  try {
    host = await startHost({
      configPath: options.config,
      port,
      ui: options.ui,
      appVersion,
      log,
      browserArgs: options.browserArg,
      ...(options.data === undefined ? {} : { dataDir: options.data }),
      ...(options.browser === undefined ? {} : { browserPath: options.browser }),
    });
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    throw new CliExit(error instanceof ConfigLoadError && error.kind === 'invalid' ? 1 : 2);
  }
  // Listening before the line is printed: whoever reads it may signal at once. The handlers go
  // once the kiosk is stopping, so a second Ctrl-C during a stuck stop ends the process the usual way.
  let onSignal = (_signal: NodeJS.Signals): void => undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  out(host.secretUrl === undefined ? 'kiosk: runtime running (no UI)' : `kiosk: open ${host.secretUrl}`);
  const reason = await Promise.race([signalled, host.exitRequested.then(() => 'staff exit' as const)]);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  log.info({ reason }, 'kiosk: stopping');
  await host.stop();
  log.info('kiosk: stopped');
}
