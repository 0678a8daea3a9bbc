/**
 * The Electron shell's transport: the sandboxed preload (main/electron/preload.ts) puts the
 * bridge on `window.vitrineBridge`; calls go over IPC to the main process, which checks the
 * sending frame and hands them to the same dispatcher the browser host uses.
 */
import { BRIDGE_PRELOAD_GLOBAL } from '../../../shared/bridge/channels.js';
import type { BridgeTransport } from '../../../shared/bridge/client.js';
import type { SocketTransport } from './socket-transport.js';

/** The preload's bridge, when the page runs in the Electron shell. */
export function preloadBridge(): BridgeTransport | undefined {
  const exposed = (window as unknown as Record<string, unknown>)[BRIDGE_PRELOAD_GLOBAL];
  return typeof exposed === 'object' && exposed !== null && 'call' in exposed && 'subscribe' in exposed
    ? (exposed as BridgeTransport)
    : undefined;
}

/** IPC within one app has no connection to lose: it is connected from the start. */
export function createIpcTransport(bridge: BridgeTransport): SocketTransport {
  return {
    state: { kind: 'connected' },
    onState: () => () => undefined,
    call: (name, args) => bridge.call(name, args),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
