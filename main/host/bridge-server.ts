/**
 * The bridge over socket.io, for the renderer in a plain Chromium. Anything on the machine can
 * reach 127.0.0.1, and any web page can try to open a WebSocket to it, so a connection is
 * accepted only with the per-launch secret (which reaches the page in its URL fragment and
 * nowhere else) and, when the browser says where the page came from, only from the host's origin.
 * Past the handshake the runtime's dispatcher parses every call as it would any other input.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL, type BridgeReply } from '../../shared/bridge/index.js';
import type { Runtime } from '../runtime/runtime-types.js';
import type { SyncLog } from '../runtime/sync/index.js';

export const BRIDGE_PATH = '/bridge/';
/** Bridge messages are small (a search, a reservation); the hub protocol keeps to 1 MB as well. */
export const BRIDGE_MAX_MESSAGE_BYTES = 1_000_000;

/** A fresh secret for one launch of the host: 32 random bytes, base64url. */
export function createLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Why a handshake is refused, or undefined to accept it. */
export function handshakeProblem(
  handshake: { secret: unknown; origin: string | undefined },
  expected: { secret: string; origin: string },
): string | undefined {
  if (handshake.origin !== undefined && handshake.origin !== expected.origin) {
    return `bridge: refused: origin ${JSON.stringify(handshake.origin.slice(0, 200))} is not ${expected.origin}`;
  }
  if (typeof handshake.secret !== 'string' || handshake.secret === '') {
    return 'bridge: refused: no secret in the handshake (open the URL the host printed, with its #secret=)';
  }
  const given = Buffer.from(handshake.secret, 'utf8');
  const wanted = Buffer.from(expected.secret, 'utf8');
  // timingSafeEqual needs equal lengths; the length of a secret of fixed size gives nothing away.
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return 'bridge: refused: wrong secret (the host makes a new one at every start)';
  }
  return undefined;
}

export interface BridgeServerOptions {
  runtime: Pick<Runtime, 'dispatch' | 'onEvent'>;
  secret: string;
  /** The host's own origin, `http://127.0.0.1:PORT`. */
  origin: string;
  log: SyncLog;
}

export interface BridgeServer {
  readonly io: Server;
  /** Disconnects every renderer, stops forwarding events, and closes the HTTP server too. */
  close(): Promise<void>;
}

export function attachBridgeServer(httpServer: HttpServer, options: BridgeServerOptions): BridgeServer {
  const { runtime, log } = options;
  const io = new Server(httpServer, {
    path: BRIDGE_PATH,
    serveClient: false,
    transports: ['websocket'],
    maxHttpBufferSize: BRIDGE_MAX_MESSAGE_BYTES,
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown>;
    const problem = handshakeProblem(
      { secret: auth.secret, origin: socket.handshake.headers.origin },
      { secret: options.secret, origin: options.origin },
    );
    if (problem === undefined) {
      next();
      return;
    }
    log.warn({ address: socket.handshake.address, origin: socket.handshake.headers.origin }, problem);
    next(new Error(problem));
  });

  io.on('connection', (socket) => {
    log.info({ id: socket.id }, 'bridge: renderer connected');
    socket.on(BRIDGE_CALL_CHANNEL, (name: unknown, args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        log.warn(
          { id: socket.id, name: typeof name === 'string' ? name.slice(0, 60) : typeof name },
          'bridge: call without an acknowledgement ignored',
        );
        return;
      }
      const reply = ack as (reply: BridgeReply) => void;
      runtime.dispatch(name, args).then(reply, (error: unknown) => {
        // The dispatcher answers handler errors itself; this is a bug in it, not in the call.
        log.error({ err: error, name }, 'bridge: dispatch threw');
        reply({ ok: false, error: { code: 'failed', message: 'the call failed; see the device log' } });
      });
    });
    socket.on('disconnect', (reason) => {
      log.info({ id: socket.id, reason }, 'bridge: renderer disconnected');
    });
  });

  const unsubscribe = runtime.onEvent((event) => {
    io.emit(BRIDGE_EVENT_CHANNEL, event);
  });

  return {
    io,
    async close() {
      unsubscribe();
      await io.close();
    },
  };
}
