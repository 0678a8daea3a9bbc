/**
 * Remote commands on the device (DESIGN.md, Fleet): the hub sends reload, restart, resync,
 * screenshot and config pushes; each is parsed, run at most once per id, and answered with one
 * `command:result`. The shell (Electron, browser host) supplies the handlers it can carry out;
 * resync is the sync client's own.
 *
 * The hub sends a command again on every connect until it has a result, so a command can arrive
 * twice: ids seen lately are remembered, a repeat of a finished one gets the same answer again
 * (its first answer may have been lost with the connection), a repeat of a running one nothing.
 */
import { parseConfigValue, type KioskConfig } from '../../../kiosk-config/index.js';
import {
  commandSchema,
  parseMessage,
  type Command,
  type CommandResult,
} from '../../../shared/protocol/index.js';
import { errorText, type SyncLog } from './support.js';

export interface CommandHandlers {
  /** Reloads the renderer. */
  reload?: () => Promise<void> | void;
  /** Restarts the kiosk app. Called after the result was sent: it may end this process. */
  restart?: () => Promise<void> | void;
  /** A PNG of what the screen shows now. */
  screenshot?: () => Promise<Buffer | Uint8Array>;
  /** Applies a config the hub pushed; only called with one that passed validation here. */
  config?: (config: KioskConfig) => Promise<void> | void;
}

/** The protocol's limit on `png` (base64) in a result, set to keep it under the message limit. */
export const MAX_PNG_BASE64_CHARS = 900_000;
const MAX_MESSAGE_CHARS = 2000;
/** Ids remembered for deduplication; far more than the hub ever has pending for one device. */
const REMEMBERED_IDS = 500;

type Outcome = Omit<CommandResult, 'id'>;

export interface CommandRunnerDeps {
  handlers: CommandHandlers;
  /** Re-pulls every scope from scratch; resolves with what happened. */
  resync: () => Promise<Outcome>;
  /** Emits a result to the hub (dropped when there is no connection: the hub sends the command again). */
  send: (result: CommandResult) => void;
  log: SyncLog;
  /** Lets a sent result leave before a restart may end the process. */
  beforeRestart: () => Promise<void>;
}

export interface CommandRunner {
  receive(raw: unknown): void;
}

export function createCommandRunner(deps: CommandRunnerDeps): CommandRunner {
  const { handlers, log } = deps;
  /** Id -> its result, or undefined while it runs. Insertion order is age (Map keeps it). */
  const seen = new Map<string, CommandResult | undefined>();

  const answer = (id: string, outcome: Outcome): CommandResult => {
    const result: CommandResult = { id, ok: outcome.ok };
    if (outcome.message !== undefined) result.message = outcome.message.slice(0, MAX_MESSAGE_CHARS);
    if (outcome.png !== undefined) result.png = outcome.png;
    deps.send(result);
    return result;
  };

  const remember = (id: string, result: CommandResult | undefined): void => {
    seen.delete(id);
    seen.set(id, result);
    while (seen.size > REMEMBERED_IDS) {
      const oldest = seen.keys().next().value;
      if (oldest === undefined) break;
      seen.delete(oldest);
    }
  };

  async function run(command: Command): Promise<Outcome> {
    switch (command.kind) {
      case 'resync':
        return deps.resync();
      case 'config': {
        const parsed = parseConfigValue(command.config);
        if (!parsed.ok) {
          const problems = parsed.problems.map((p) =>
            p.path === '' ? p.message : `${p.path}: ${p.message}`,
          );
          return { ok: false, message: `config refused: ${problems.join('; ')}` };
        }
        if (handlers.config === undefined) return notSupported(command.kind);
        await handlers.config(parsed.config);
        return { ok: true, message: 'config applied' };
      }
      case 'screenshot': {
        if (handlers.screenshot === undefined) return notSupported(command.kind);
        const png = Buffer.from(await handlers.screenshot()).toString('base64');
        if (png.length > MAX_PNG_BASE64_CHARS) {
          return {
            ok: false,
            message: `screenshot is ${String(png.length)} base64 characters; a result holds at most ${String(MAX_PNG_BASE64_CHARS)}`,
          };
        }
        return { ok: true, png };
      }
      case 'reload':
        if (handlers.reload === undefined) return notSupported(command.kind);
        await handlers.reload();
        return { ok: true, message: 'reloaded' };
      case 'restart':
        // Answered before it happens: a restart forgets which ids ran, so a restart the hub never
        // heard of would be sent again after it, and run again, for ever.
        return handlers.restart === undefined
          ? notSupported(command.kind)
          : { ok: true, message: 'restarting' };
    }
  }

  async function execute(command: Command): Promise<void> {
    remember(command.id, undefined);
    let outcome: Outcome;
    try {
      outcome = await run(command);
    } catch (error) {
      outcome = { ok: false, message: `${command.kind} failed: ${errorText(error)}` };
    }
    remember(command.id, answer(command.id, outcome));
    log.info(
      { commandId: command.id, kind: command.kind, ok: outcome.ok, message: outcome.message },
      'command done',
    );
    if (command.kind === 'restart' && outcome.ok && handlers.restart !== undefined) {
      await deps.beforeRestart();
      await handlers.restart();
    }
  }

  return {
    receive(raw) {
      const parsed = parseMessage(commandSchema, raw, 'command');
      if (!parsed.ok) {
        log.error({ problem: parsed.error }, 'refused a malformed hub message');
        const id = idOf(raw);
        if (id !== undefined) answer(id, { ok: false, message: parsed.error });
        return;
      }
      const command = parsed.value;
      if (seen.has(command.id)) {
        const earlier = seen.get(command.id);
        log.info(
          { commandId: command.id, running: earlier === undefined },
          'command received again; not run twice',
        );
        if (earlier !== undefined) deps.send(earlier);
        return;
      }
      log.info({ commandId: command.id, kind: command.kind }, 'command received');
      execute(command).catch((error: unknown) => {
        log.error(
          { commandId: command.id, error: errorText(error) },
          'command failed after its result was sent',
        );
      });
    },
  };
}

function notSupported(kind: Command['kind']): Outcome {
  return { ok: false, message: `${kind}: not supported by this shell` };
}

/** The id of a command that did not parse, if it has a usable one, to answer it by. */
function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' && id.length >= 1 && id.length <= 200 ? id : undefined;
}
