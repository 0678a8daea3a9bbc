/**
 * The kiosk page's preload, run sandboxed with context isolation: it gives the page the bridge
 * and nothing else — two functions, not ipcRenderer itself, so page code can reach no other
 * channel. Sandboxed preloads can load only `electron` (and a few Node built-ins), so packaging
 * bundles this file with the channel names inlined (packaging/build-app.mjs).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  BRIDGE_PRELOAD_GLOBAL,
} from '../../shared/bridge/channels.js';
import type { BridgeTransport } from '../../shared/bridge/client.js';
import type { BridgeEventEnvelope, BridgeReply } from '../../shared/bridge/contract.js';

const bridge: BridgeTransport = {
  call: (name, args) => ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, name, args) as Promise<BridgeReply>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, envelope: BridgeEventEnvelope): void => {
      listener(envelope);
    };
    ipcRenderer.on(BRIDGE_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(BRIDGE_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_PRELOAD_GLOBAL, bridge);
