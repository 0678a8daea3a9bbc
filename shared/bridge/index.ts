export * from './contract.js';
export type * from './member.js';
export {
  BridgeCallError,
  createBridgeDispatcher,
  isBridgeCallName,
  type BridgeDispatcher,
} from './dispatch.js';
export { BridgeError, createBridgeClient, type BridgeClient, type BridgeTransport } from './client.js';
