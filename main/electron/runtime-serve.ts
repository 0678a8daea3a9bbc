/**
 * The runtime's side of the link to the Electron main process: starts the runtime, answers the
 * bridge calls and media look-ups main forwards, passes every runtime event on, and asks main to
 * carry out the fleet commands only a shell can (reload, restart, screenshot) and to quit when
 * staff exit the kiosk. It runs in the utility process (runtime-process.ts) and takes its port
 * and runtime as arguments, so a test joins it to the main side in one process.
 */
import type { BridgeReply } from '../../shared/bridge/index.js';
import type { Runtime } from '../runtime/runtime-types.js';
import type { CommandHandlers, SyncLog } from '../runtime/sync/index.js';
import {
  fromRuntimeSchema,
  parseLink,
  toRuntimeSchema,
  type FromRuntime,
  type ShellCommand,
} from './runtime-link.js';

/** Electron's `process.parentPort`: messages arrive as MessageEvents. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** A runtime that can also pass the shell's reports to the hub. */
export type ServedRuntime = Pick<Runtime, 'dispatch' | 'onEvent' | 'mediaFile' | 'stop'> & {
  reportShellEvent?: (name: string, props: Record<string, string | number | boolean | null>) => void;
};

export interface ServeRuntimeOptions {
  port: ParentPortLike;
  /**
   * Starts the runtime with the shell's command handlers and its way out (RuntimeOptions.exitKiosk):
   * the Electron shell can always quit.
   */
  start(commands: CommandHandlers, exitKiosk: () => void): Promise<ServedRuntime>;
  /** Ends the process (after a stop, or when the runtime cannot start). */
  exit(code: number): void;
  log: SyncLog;
  /** How long main gets to carry out a command (a screenshot of a hung page never comes). */
  shellTimeoutMs?: number;
}

const UNAVAILABLE: BridgeReply = {
  ok: false,
  error: { code: 'unavailable', message: 'the kiosk runtime is not running; it is being restarted' },
};

export function serveRuntime(options: ServeRuntimeOptions): void {
  const { port, log } = options;
  const timeoutMs = options.shellTimeoutMs ?? 30_000;
  const post = (message: FromRuntime): void => {
    // Checked on the way out as well: a bug here should fail loudly in this process, not in main.
    const checked = parseLink(fromRuntimeSchema, message);
    if (!checked.ok) throw new Error(`runtime link: refusing to send a bad message: ${checked.error}`);
    port.postMessage(message);
  };

  /** Set by `stop`: main is ending this process, so an unanswered restart is a done one. */
  let stopping = false;
  let nextShellId = 1;
  const waiting = new Map<
    number,
    { resolve: (png: string | undefined) => void; reject: (error: Error) => void }
  >();
  const askShell = (command: ShellCommand): Promise<string | undefined> =>
    new Promise((resolve, reject) => {
      const id = nextShellId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the shell did not carry out ${command} within ${String(timeoutMs / 1000)} s`));
      }, timeoutMs);
      waiting.set(id, {
        resolve: (png) => {
          clearTimeout(timer);
          resolve(png);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      post({ type: 'shell', id, command });
    });

  const commands: CommandHandlers = {
    reload: async () => {
      await askShell('reload');
    },
    restart: async () => {
      try {
        await askShell('restart');
      } catch (error) {
        // The shell stops this process to restart the app: that is the command succeeding.
        if (!stopping) throw error;
      }
    },
    screenshot: async () => {
      const png = await askShell('screenshot');
      if (png === undefined) throw new Error('the shell sent no picture');
      return Buffer.from(png, 'base64');
    },
  };

  const exitKiosk = (): void => {
    post({ type: 'exit' });
  };

  let runtime: ServedRuntime | undefined;
  const started = options.start(commands, exitKiosk).then(
    (value) => {
      runtime = value;
      value.onEvent((event) => {
        post({ type: 'event', event });
      });
      post({ type: 'ready' });
      return value;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.error({ err: message }, 'runtime process: the runtime could not start');
      post({ type: 'failed', message });
      options.exit(1);
      return undefined;
    },
  );

  port.on('message', ({ data }) => {
    const parsed = parseLink(toRuntimeSchema, data);
    if (!parsed.ok) {
      log.error({ problem: parsed.error }, 'runtime process: refused a message from main');
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'call':
        void started.then(async (ready) => {
          const reply = ready === undefined ? UNAVAILABLE : await ready.dispatch(message.name, message.args);
          post({ type: 'reply', id: message.id, reply });
        });
        return;
      case 'media':
        // A catalog model not cached yet is fetched first (main/runtime/media), hence the await.
        void started.then(async (ready) => {
          post({ type: 'media', id: message.id, file: (await ready?.mediaFile(message.path)) ?? null });
        });
        return;
      case 'shell-result': {
        const waiter = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.ok) waiter?.resolve(message.png);
        else waiter?.reject(new Error(message.message ?? 'the shell could not do it'));
        return;
      }
      case 'report':
        if (runtime?.reportShellEvent === undefined)
          log.warn({ event: message.name, ...message.props }, 'shell report');
        else runtime.reportShellEvent(message.name, message.props);
        return;
      case 'stop':
        stopping = true;
        void started.then(async (ready) => {
          try {
            await ready?.stop();
          } catch (error) {
            log.error({ err: String(error) }, 'runtime process: stopping the runtime failed');
          }
          // Nothing will answer now: commands still waiting for the shell end here.
          for (const waiter of waiting.values()) waiter.reject(new Error('the runtime stopped'));
          waiting.clear();
          options.exit(0);
        });
        return;
    }
  });
}
