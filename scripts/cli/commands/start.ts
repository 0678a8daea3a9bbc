/**
 * `vitrine start` (`npm start`): the whole product on one machine, from a fresh clone. A hub with
 * the demo catalog, one kiosk provisioned on it, and the kiosk's UI in the Electron shell where
 * Electron's binary is installed, otherwise in Chromium's kiosk mode through the browser host,
 * otherwise served on 127.0.0.1 with its URL printed. Ctrl-C (SIGINT) or SIGTERM stops it all.
 *
 * stdout gets a few lines a person (or a test) reads: `hub: URL …`, `kiosk: …`, `kiosk: open URL`
 * when the browser host serves the UI, and `start: running …`; logs go to stderr.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { pino } from 'pino';
import { startHost, type Host } from '../../../main/host/index.js';
import type { Hub } from '../../../server/index.js';
import { prepareDemo } from '../../start/demo.js';
import { chooseShell, findChromium, findElectron } from '../../start/find-shell.js';
import { CliExit, err, out } from '../io.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const UI_CHOICES = ['auto', 'electron', 'chromium', 'url'] as const;
type UiChoice = (typeof UI_CHOICES)[number];

interface StartOptions {
  dir: string;
  hubPort: string;
  ui: string;
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'run the demo: a hub with the demo catalog, a provisioned kiosk, and its UI in Electron, else Chromium, else a URL to open',
    )
    .option('--dir <dir>', 'where the demo keeps its hub, kiosk config and data', '.vitrine/demo')
    .option('--hub-port <n>', 'the hub port (if taken, any free one)', '8080')
    .option('--ui <shell>', `where to show the kiosk: ${UI_CHOICES.join(', ')}`, 'auto')
    .action(async (options: StartOptions) => {
      await start(options, program.version() ?? '0.0.0');
    });
}

/** Runs a build step of the repository (the renderer, the Electron app), its output on stderr. */
function build(what: string, args: readonly string[]): void {
  err(`start: building ${what}…`);
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    err(`start: building ${what} failed (exit ${String(result.status)})`);
    throw new CliExit(2);
  }
}

async function openHub(dir: string, port: number, level: string): Promise<Hub> {
  // Loaded here: main.ts registers every command, and `vitrine kiosk` should not load the hub.
  const { startHub } = await import('../../../server/index.js');
  const options = {
    dataDir: join(dir, 'hub'),
    host: '127.0.0.1',
    logger: pino({ name: 'vitrine-hub', level }, process.stderr),
    onAdminTokenCreated: (_token: string, path: string) => {
      out(`hub: admin token created in ${path}`);
    },
  };
  try {
    return await startHub({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    err(`start: port ${String(port)} is taken; the hub takes any free port`);
    return startHub({ ...options, port: 0 });
  }
}

/** Resolves with the first of SIGINT/SIGTERM; a second one ends the process the usual way. */
function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function start(options: StartOptions, appVersion: string): Promise<void> {
  if (!(UI_CHOICES as readonly string[]).includes(options.ui)) {
    err(`--ui: expected one of ${UI_CHOICES.join(', ')}, got "${options.ui}"`);
    throw new CliExit(2);
  }
  const hubPort = Number(options.hubPort);
  if (!Number.isInteger(hubPort) || hubPort < 0 || hubPort > 65535) {
    err(`--hub-port: expected a whole number from 0 to 65535, got "${options.hubPort}"`);
    throw new CliExit(2);
  }
  const shell = chooseShell(options.ui as UiChoice, findElectron(process.env), findChromium(process.env));
  if ('error' in shell) {
    err(shell.error);
    throw new CliExit(2);
  }
  const dir = resolve(options.dir);
  const level = process.env.VITRINE_LOG_LEVEL ?? 'warn';
  const stopSignal = signalled();

  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html')))
    build('the kiosk UI (first start)', [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
    ]);

  const hub = await openHub(dir, hubPort, level);
  let host: Host | undefined;
  let electron: ChildProcess | undefined;
  try {
    const demo = await prepareDemo(hub, dir);
    out(
      `hub: ${hub.url} (${demo.imported > 0 ? `demo catalog imported: ${String(demo.imported)} products` : 'demo catalog'}; data in ${join(dir, 'hub')})`,
    );
    out(`kiosk: device ${demo.deviceId}, config ${demo.configPath}, staff PIN ${demo.pin}`);

    let electronExit: Promise<number | null> | undefined;
    if (shell.kind === 'electron') {
      build('the Electron app', [join(repoRoot, 'packaging', 'build-app.mjs')]);
      const child = spawn(
        shell.path,
        [repoRoot, '--config', demo.configPath, '--data', demo.dataDir, '--dev'],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      electron = child;
      electronExit = new Promise((resolve) =>
        child.once('exit', (code) => {
          resolve(code);
        }),
      );
      out(`kiosk: shown in Electron (${shell.path})`);
    } else {
      host = await startHost({
        configPath: demo.configPath,
        dataDir: demo.dataDir,
        ui: true,
        appVersion,
        log: pino({ name: 'vitrine-kiosk', level }, process.stderr),
        ...(shell.kind === 'chromium' ? { browserPath: shell.path } : {}),
      });
      out(`kiosk: open ${host.secretUrl ?? ''}`);
      out(
        shell.kind === 'chromium'
          ? `kiosk: shown in Chromium's kiosk mode (${shell.path}; ${shell.why})`
          : `kiosk: no Electron or Chromium here (${shell.why}): open the URL above in a browser`,
      );
    }
    out('start: running; Ctrl-C stops the hub and the kiosk');
    // Staff can exit a Chromium the host launched from the staff panel: the demo ends with it.
    const staffExit = host?.exitRequested.then(() => 'staff exit' as const);
    const ended = await Promise.race([
      stopSignal,
      electronExit ?? staffExit ?? new Promise<never>(() => undefined),
    ]);
    if (ended === 'staff exit') out('start: staff exited the kiosk; stopping the hub');
    else if (typeof ended !== 'string') err(`start: Electron exited (${String(ended)}); stopping the hub`);
  } finally {
    if (electron?.exitCode === null && electron.signalCode === null) {
      const child = electron;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await host?.stop();
    await hub.close();
  }
  out('start: stopped');
}
