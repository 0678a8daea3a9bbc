/**
 * The renderer's side of the bridge, over any transport: typed calls (`call('catalog.search',
 * { text })` is checked by the compiler against the contract) and typed event subscriptions.
 * The socket.io client (browser host) and the Electron preload each supply a BridgeTransport.
 */
import type {
  BridgeArgs,
  BridgeCallName,
  BridgeEventEnvelope,
  BridgeEventName,
  BridgeEvents,
  BridgeReply,
  BridgeResults,
} from './contract.js';

export interface BridgeTransport {
  call(name: BridgeCallName, args: unknown): Promise<BridgeReply>;
  /** Every event from the runtime; returns the unsubscribe function. */
  subscribe(listener: (event: BridgeEventEnvelope) => void): () => void;
}

/** A call the runtime refused or could not answer. */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: 'invalid-call' | 'unavailable' | 'failed' | 'disconnected',
    message: string,
  ) {
    super(message);
  }
}

export interface BridgeClient {
  call<K extends BridgeCallName>(name: K, args: BridgeArgs<K>): Promise<BridgeResults[K]>;
  on<K extends BridgeEventName>(name: K, listener: (payload: BridgeEvents[K]) => void): () => void;
}

export function createBridgeClient(transport: BridgeTransport): BridgeClient {
  const listeners = new Map<BridgeEventName, Set<(payload: never) => void>>();
  transport.subscribe((event) => {
    for (const listener of listeners.get(event.name) ?? []) (listener as (p: unknown) => void)(event.payload);
  });
  return {
    async call(name, args) {
      const reply = await transport.call(name, args);
      if (!reply.ok) throw new BridgeError(reply.error.code, reply.error.message);
      // The runtime answered this call with its handler's result (contract.ts, BridgeHandlers).
      return reply.value as BridgeResults[typeof name];
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
  };
}
