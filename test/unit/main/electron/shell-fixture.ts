/**
 * The Electron shell started for real on the shared fake of Electron: real windows logic, real
 * protocol handler, real supervisor and IPC bridge, and in each forked "utility process" the real
 * runtime side of the link (serveRuntime) serving a small runtime of the test's making. Time is a
 * ManualTime the test moves by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { parseConfigValue, type KioskConfig, type KioskConfigInput } from '../../../../kiosk-config/index.js';
import { startShell, type Shell } from '../../../../main/electron/shell.js';
import { serveRuntime, type ServedRuntime } from '../../../../main/electron/runtime-serve.js';
import { silentLog, type CommandHandlers } from '../../../../main/runtime/sync/index.js';
import {
  createBridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeHandlers,
} from '../../../../shared/bridge/index.js';
import {
  createFakeElectron,
  type FakeElectron,
  type FakeElectronOptions,
} from '../../../support/fake-electron.js';
import { ManualTime, settle } from '../../../support/manual-time.js';

export const PIN_HASH =
  'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

export function testConfig(extra: Partial<KioskConfigInput> = {}): KioskConfig {
  const parsed = parseConfigValue({
    device: { id: 'ber-01-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-01' },
    mode: 'kiosk',
    standalone: { catalogFeed: './catalog.jsonl' },
    staff: { pinHash: PIN_HASH },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.config;
}

/** What the test's runtime saw and can do. */
export interface TestRuntime extends ServedRuntime {
  readonly calls: { name: unknown; args: unknown }[];
  readonly reports: { name: string; props: Record<string, unknown> }[];
  emit(event: BridgeEventEnvelope): void;
  stopped: boolean;
}

export function testRuntime(mediaFiles: Readonly<Record<string, string>> = {}): TestRuntime {
  const listeners = new Set<(event: BridgeEventEnvelope) => void>();
  const calls: { name: unknown; args: unknown }[] = [];
  const dispatch = createBridgeDispatcher(
    {
      'session.activity': () => null,
      'catalog.search': ({ text }: { text: string }) => ({
        hits: [],
        hasMore: false,
        corrections: { [text]: [] },
      }),
    } as Partial<BridgeHandlers> as BridgeHandlers,
    () => undefined,
  );
  const runtime: TestRuntime = {
    calls,
    reports: [],
    stopped: false,
    dispatch: (name, args) => {
      calls.push({ name, args });
      return dispatch(name, args);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaFile: (path) => mediaFiles[path],
    stop: () => {
      runtime.stopped = true;
      return Promise.resolve();
    },
    reportShellEvent: (name, props) => {
      runtime.reports.push({ name, props });
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
  };
  return runtime;
}

export interface ShellFixture {
  electron: FakeElectron;
  shell: Shell;
  time: ManualTime;
  /** The runtime of the latest utility process (unless `serve` gave one of its own). */
  runtime: () => TestRuntime;
  /** The fleet command handlers the shell gave the latest runtime. */
  commands: () => CommandHandlers;
  /** The way out (RuntimeOptions.exitKiosk) the shell gave the latest runtime. */
  exitKiosk: () => () => void;
  rendererDir: string;
  dataDir: string;
  configPath: string;
}

export interface ShellFixtureOptions extends FakeElectronOptions {
  config?: KioskConfig;
  production?: boolean;
  /** Wall-clock start, ms since the epoch. */
  startAt?: number;
  mediaFiles?: Readonly<Record<string, string>>;
  /** A runtime of the test's own (the real one, for integration tests); default testRuntime(). */
  serve?: (
    commands: CommandHandlers,
    paths: { configPath: string; dataDir: string },
    exitKiosk: () => void,
  ) => Promise<ServedRuntime>;
}

/** Starts shells in `dir()`s; each is stopped after the test. */
export function useShell(dir: () => string): (options?: ShellFixtureOptions) => Promise<ShellFixture> {
  const started: Shell[] = [];
  afterEach(async () => {
    for (const shell of started.splice(0)) await shell.stop();
  });
  return async (options = {}) => {
    const root = dir();
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><title>Vitrine</title><script src="./assets/app.js"></script>',
    );
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("kiosk")');
    writeFileSync(join(root, 'secret.txt'), 'not for the page');
    const config = options.config ?? testConfig();
    const configPath = join(root, 'kiosk.json');
    writeFileSync(configPath, JSON.stringify(config));
    const dataDir = join(root, 'data');
    const time = new ManualTime();
    time.now = options.startAt ?? Date.parse('2026-03-02T09:00:00Z');
    let runtime: TestRuntime | undefined;
    let commands: CommandHandlers | undefined;
    let exitKiosk: (() => void) | undefined;
    const electron = createFakeElectron({
      ...options,
      onFork: (child) => {
        const current = testRuntime(options.mediaFiles);
        runtime = current;
        serveRuntime({
          port: child.port,
          log: silentLog,
          exit: (code) => {
            child.exit(code);
          },
          start: (handlers, exit) => {
            commands = handlers;
            exitKiosk = exit;
            return options.serve === undefined
              ? Promise.resolve(current)
              : options.serve(handlers, { configPath, dataDir }, exit);
          },
        });
        options.onFork?.(child);
      },
    });
    const shell = startShell({
      electron,
      config,
      configPath,
      dataDir,
      production: options.production ?? true,
      preload: '/opt/vitrine/preload.cjs',
      runtimeEntry: '/opt/vitrine/runtime-process.js',
      rendererDir,
      appVersion: '0.1.0',
      log: silentLog,
      timers: time,
      now: () => new Date(time.now),
    });
    started.push(shell);
    await settle();
    return {
      electron,
      shell,
      time,
      rendererDir,
      dataDir,
      configPath,
      runtime: () => {
        if (runtime === undefined) throw new Error('no runtime process was started');
        return runtime;
      },
      commands: () => {
        if (commands === undefined) throw new Error('no runtime process was started');
        return commands;
      },
      exitKiosk: () => {
        if (exitKiosk === undefined) throw new Error('no runtime process was started');
        return exitKiosk;
      },
    };
  };
}
