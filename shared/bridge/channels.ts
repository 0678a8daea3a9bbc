/**
 * The names both bridge transports use, apart from the schemas (contract.ts) so the page and the
 * Electron preload can import them without pulling zod in.
 */
export const BRIDGE_CALL_CHANNEL = 'bridge:call';
export const BRIDGE_EVENT_CHANNEL = 'bridge:event';
/** Where the Electron preload puts the bridge in the page (contextBridge.exposeInMainWorld). */
export const BRIDGE_PRELOAD_GLOBAL = 'vitrineBridge';
