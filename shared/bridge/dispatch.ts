/**
 * The runtime's side of the bridge, free of any transport: a call arrives as an untrusted name
 * and arguments, is parsed against the contract, and is answered with a reply envelope. The
 * socket.io and IPC transports both hand their calls here, so they accept exactly the same calls.
 */
import { parseMessage } from '../protocol/validate.js';
import { bridgeCallArgs, type BridgeCallName, type BridgeHandlers, type BridgeReply } from './contract.js';

/** Thrown by a handler for an answer the renderer should show (the hub is away, a product is gone). */
export class BridgeCallError extends Error {
  override readonly name = 'BridgeCallError';
  constructor(
    readonly code: 'invalid-call' | 'unavailable' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export function isBridgeCallName(name: unknown): name is BridgeCallName {
  return typeof name === 'string' && Object.hasOwn(bridgeCallArgs, name);
}

export type BridgeDispatcher = (name: unknown, args: unknown) => Promise<BridgeReply>;

/**
 * Answers calls with `handlers`. An unknown call or bad arguments are refused with a message
 * naming the call and the field (`catalog.search: text: Too big: expected string to have <=200
 * characters`); a handler's unexpected error is reported through `onError` and answered "failed".
 */
export function createBridgeDispatcher(
  handlers: BridgeHandlers,
  onError: (name: string, error: unknown) => void,
): BridgeDispatcher {
  return async (name, args) => {
    if (!isBridgeCallName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 60)}"` : typeof name;
      return { ok: false, error: { code: 'invalid-call', message: `unknown bridge call ${shown}` } };
    }
    const parsed = parseMessage(bridgeCallArgs[name], args ?? {}, name);
    if (!parsed.ok) return { ok: false, error: { code: 'invalid-call', message: parsed.error } };
    try {
      // The parsed arguments are the ones this call's schema produces (indexed by the same name).
      const handler = handlers[name] as (args: unknown) => unknown;
      const value: unknown = await handler(parsed.value);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof BridgeCallError)
        return { ok: false, error: { code: error.code, message: error.message } };
      onError(name, error);
      return { ok: false, error: { code: 'failed', message: `${name} failed; see the device log` } };
    }
  };
}
