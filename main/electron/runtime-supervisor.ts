/**
 * The main process's side of the runtime: forks the runtime's utility process, forwards bridge
 * calls and media look-ups to it, hands its events to the windows, carries out the fleet commands
 * it passes up (and the staff's exit), and starts it again when it exits: after 1 s, doubling to 30 s while it keeps
 * dying young, back to 1 s after a minute of health. While it is down, calls are answered
 * "unavailable" at once, which the page shows as a passing problem, instead of hanging.
 */
import type { BridgeDispatcher, BridgeEventEnvelope, BridgeReply } from '../../shared/bridge/index.js';
import type { SyncLog, Timers } from '../runtime/sync/index.js';
import type { ShellChildProcess } from './electron-api.js';
import {
  asBridgeEvent,
  asBridgeReply,
  fromRuntimeSchema,
  parseLink,
  toRuntimeSchema,
  type ShellCommand,
  type ToRuntime,
} from './runtime-link.js';

export const FIRST_RESTART_DELAY_MS = 1000;
export const MAX_RESTART_DELAY_MS = 30_000;
export const HEALTHY_RUN_MS = 60_000;
/** How long the runtime gets to close its databases after `stop` before it is killed. */
export const STOP_GRACE_MS = 10_000;

/** The wait before the next start: doubling while the runtime dies young, reset after a healthy run. */
export function nextRestartDelayMs(previousDelayMs: number | undefined, ranForMs: number): number {
  if (previousDelayMs === undefined || ranForMs >= HEALTHY_RUN_MS) return FIRST_RESTART_DELAY_MS;
  return Math.min(previousDelayMs * 2, MAX_RESTART_DELAY_MS);
}

export interface ShellCommandHandlers {
  reload(): Promise<void>;
  restart(): Promise<void>;
  /** base64 PNG */
  screenshot(): Promise<string>;
  /** Staff exited the kiosk (staff.exit): the app quits, stopping the runtime on the way out. */
  quit(): void;
}

export interface RuntimeSupervisorOptions {
  fork(): ShellChildProcess;
  shell: ShellCommandHandlers;
  log: SyncLog;
  timers: Timers;
  now: () => number;
}

export interface RuntimeSupervisor {
  readonly dispatch: BridgeDispatcher;
  onEvent(listener: (event: BridgeEventEnvelope) => void): () => void;
  mediaFile(path: string): Promise<string | undefined>;
  /** Tells the hub (through the runtime's outbox); held until the runtime is up. */
  report(name: string, props: Record<string, string | number | boolean | null>): void;
  readonly running: boolean;
  /** Stops the runtime (it closes its databases) and does not start it again. */
  stop(): Promise<void>;
}

const UNAVAILABLE: BridgeReply = {
  ok: false,
  error: { code: 'unavailable', message: 'the kiosk runtime is restarting; try again in a moment' },
};

export function superviseRuntime(options: RuntimeSupervisorOptions): RuntimeSupervisor {
  const { log, timers, now } = options;
  const listeners = new Set<(event: BridgeEventEnvelope) => void>();
  const calls = new Map<number, (reply: BridgeReply) => void>();
  const media = new Map<number, (file: string | undefined) => void>();
  const reports: ToRuntime[] = [];
  let nextId = 1;
  let child: ShellChildProcess | undefined;
  let ready = false;
  let stopping = false;
  let restartTimer: unknown;
  let lastDelayMs: number | undefined;
  let exited: Promise<void> = Promise.resolve();

  const send = (message: ToRuntime): void => {
    const checked = parseLink(toRuntimeSchema, message);
    if (!checked.ok) throw new Error(`runtime link: refusing to send a bad message: ${checked.error}`);
    child?.postMessage(message);
  };

  const runShell = (id: number, command: ShellCommand): void => {
    const work: Promise<string | undefined> =
      command === 'screenshot'
        ? options.shell.screenshot()
        : command === 'reload'
          ? options.shell.reload().then(() => undefined)
          : options.shell.restart().then(() => undefined);
    work.then(
      (png) => {
        send({ type: 'shell-result', id, ok: true, ...(png === undefined ? {} : { png }) });
      },
      (error: unknown) => {
        log.error({ command, err: String(error) }, 'runtime: a fleet command failed in the shell');
        send({
          type: 'shell-result',
          id,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  };

  const start = (): void => {
    restartTimer = undefined;
    if (stopping) return;
    const startedAt = now();
    const current = options.fork();
    child = current;
    ready = false;
    let resolveExited = (): void => undefined;
    exited = new Promise((resolve) => {
      resolveExited = resolve;
    });
    log.info({ pid: current.pid }, 'runtime: process started');

    current.on('message', (raw) => {
      const parsed = parseLink(fromRuntimeSchema, raw);
      if (!parsed.ok) {
        log.error({ problem: parsed.error }, 'runtime: refused a message from the runtime process');
        return;
      }
      const message = parsed.value;
      switch (message.type) {
        case 'ready':
          ready = true;
          log.info({ pid: current.pid }, 'runtime: ready');
          for (const report of reports.splice(0)) send(report);
          return;
        case 'failed':
          log.error({ problem: message.message }, 'runtime: could not start');
          return;
        case 'reply':
          calls.get(message.id)?.(asBridgeReply(message.reply));
          calls.delete(message.id);
          return;
        case 'media':
          media.get(message.id)?.(message.file ?? undefined);
          media.delete(message.id);
          return;
        case 'event': {
          const event = asBridgeEvent(message.event);
          for (const listener of listeners) listener(event);
          return;
        }
        case 'shell':
          runShell(message.id, message.command);
          return;
        case 'exit':
          log.warn({ by: 'staff' }, 'runtime: staff exited the kiosk; quitting the app');
          options.shell.quit();
          return;
      }
    });

    current.on('exit', (code) => {
      if (child !== current) return;
      child = undefined;
      ready = false;
      for (const reply of calls.values()) reply(UNAVAILABLE);
      calls.clear();
      for (const answer of media.values()) answer(undefined);
      media.clear();
      resolveExited();
      const ranForMs = Math.max(0, now() - startedAt);
      if (stopping) {
        log.info({ code, ranForMs }, 'runtime: stopped');
        return;
      }
      const delayMs = nextRestartDelayMs(lastDelayMs, ranForMs);
      lastDelayMs = delayMs;
      log.warn(
        { code, ranForMs, restartInMs: delayMs },
        `runtime: exited; restarting in ${String(delayMs)} ms`,
      );
      restartTimer = timers.setTimeout(start, delayMs);
    });
  };

  start();

  return {
    dispatch: (name, args) => {
      if (child === undefined || stopping) return Promise.resolve(UNAVAILABLE);
      const id = nextId++;
      return new Promise((resolve) => {
        calls.set(id, resolve);
        send({ type: 'call', id, name, args });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaFile(path) {
      if (child === undefined) return Promise.resolve(undefined);
      const id = nextId++;
      return new Promise((resolve) => {
        media.set(id, resolve);
        send({ type: 'media', id, path });
      });
    },
    report(name, props) {
      const message: ToRuntime = { type: 'report', name, props };
      if (ready) send(message);
      else reports.push(message);
    },
    get running() {
      return child !== undefined && ready;
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      if (restartTimer !== undefined) timers.clearTimeout(restartTimer);
      const running = child;
      if (running === undefined) return exited;
      send({ type: 'stop' });
      const killTimer = timers.setTimeout(() => {
        log.warn(
          { pid: running.pid },
          `runtime: still running ${String(STOP_GRACE_MS)} ms after stop; killing it`,
        );
        running.kill();
      }, STOP_GRACE_MS);
      await exited;
      timers.clearTimeout(killTimer);
    },
  };
}
