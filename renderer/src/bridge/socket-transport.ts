/**
 * The browser host's transport: socket.io on loopback, authenticated by the per-launch secret the
 * host put in the URL's hash (main/host). Both channel names come from the contract, so this side
 * and the host cannot drift apart.
 */
import { io, type Socket } from 'socket.io-client';
import {
  BRIDGE_CALL_CHANNEL as CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL as EVENT_CHANNEL,
} from '../../../shared/bridge/channels.js';
import type { BridgeTransport } from '../../../shared/bridge/client.js';
// Types only: contract.ts also builds the runtime's zod schemas, which the page never needs.
import type { BridgeCallName, BridgeEventEnvelope, BridgeReply } from '../../../shared/bridge/contract.js';
const SECRET_KEY = 'vitrine.bridge-secret';
const CALL_TIMEOUT_MS = 10_000;

/**
 * The secret from `#secret=…`, kept in sessionStorage so a reload (a watchdog, a staff "reload"
 * command) still connects; the hash is then removed so the secret is not left on screen or in
 * history entries.
 */
export function takeSecret(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('secret');
  if (fromHash !== null && fromHash !== '') {
    try {
      sessionStorage.setItem(SECRET_KEY, fromHash);
    } catch {
      // Storage can be disabled by policy; this launch still works, only a reload would not.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  /** The host refused the handshake (a stale or wrong secret); socket.io does not retry this. */
  | { kind: 'refused'; message: string };

export interface SocketTransport extends BridgeTransport {
  readonly state: ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
}

export function createSocketTransport(secret: string): SocketTransport {
  const socket: Socket = io(location.origin, {
    path: '/bridge/',
    auth: { secret },
    transports: ['websocket'],
  });
  let state: ConnectionState = { kind: 'connecting' };
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const setState = (next: ConnectionState): void => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };
  socket.on('connect', () => {
    setState({ kind: 'connected' });
  });
  socket.on('disconnect', () => {
    setState({ kind: 'reconnecting' });
  });
  socket.on('connect_error', (error: Error) => {
    // `active` is false when the server's middleware refused us: retrying cannot help.
    if (!socket.active) setState({ kind: 'refused', message: error.message });
  });

  return {
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    call(name: BridgeCallName, args: unknown): Promise<BridgeReply> {
      // A call made while the host is away would sit in socket.io's buffer until it times out;
      // answering at once lets the screen say so instead of spinning for ten seconds.
      if (!socket.connected) {
        return Promise.resolve({
          ok: false,
          error: { code: 'failed', message: 'the kiosk service is not connected' },
        });
      }
      return new Promise((resolve) => {
        socket
          .timeout(CALL_TIMEOUT_MS)
          .emit(CALL_CHANNEL, name, args, (error: Error | null, reply: BridgeReply) => {
            if (error !== null) {
              resolve({
                ok: false,
                error: { code: 'failed', message: `${name}: no answer from the kiosk service` },
              });
            } else {
              resolve(reply);
            }
          });
      });
    },
    subscribe(listener) {
      const handler = (envelope: BridgeEventEnvelope): void => {
        listener(envelope);
      };
      socket.on(EVENT_CHANNEL, handler);
      return () => socket.off(EVENT_CHANNEL, handler);
    },
  };
}
