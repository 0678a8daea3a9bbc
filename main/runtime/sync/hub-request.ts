import type { z } from 'zod';
import { parseMessage } from '../../../shared/protocol/index.js';
import type { SyncLog } from './support.js';

/** Why a request to the hub did not yield a usable answer. */
export class HubRequestError extends Error {
  override readonly name = 'HubRequestError';
  constructor(
    message: string,
    /** offline: the socket went away; timeout: no ack after every attempt; refused: the answer did not parse. */
    readonly reason: 'offline' | 'timeout' | 'refused',
  ) {
    super(message);
  }
}

export interface AckOptions {
  timeoutMs: number;
  /** Attempts on timeout; a request is only retried while the socket is connected. */
  attempts: number;
  connected: () => boolean;
  log: SyncLog;
}

/**
 * Sends a request through a socket.io ack and parses the answer with the protocol's schema.
 * Pulls and snapshot pages are idempotent, so retrying one whose ack was lost is safe; an answer
 * that does not parse is logged and refused, never handed on.
 */
export async function requestWithAck<S extends z.ZodType>(
  send: (timeoutMs: number) => Promise<unknown>,
  schema: S,
  name: string,
  options: AckOptions,
): Promise<z.output<S>> {
  for (let attempt = 1; ; attempt++) {
    if (!options.connected()) throw new HubRequestError(`${name}: not connected`, 'offline');
    let answer: unknown;
    try {
      answer = await send(options.timeoutMs);
    } catch (error) {
      if (!options.connected()) throw new HubRequestError(`${name}: disconnected`, 'offline');
      if (attempt >= options.attempts) {
        throw new HubRequestError(`${name}: no answer after ${String(attempt)} attempts`, 'timeout');
      }
      options.log.warn({ event: name, attempt, error: String(error) }, 'hub request timed out; retrying');
      continue;
    }
    const parsed = parseMessage(schema, answer, name);
    if (!parsed.ok) {
      options.log.error({ event: name, problem: parsed.error }, 'refused a malformed hub message');
      throw new HubRequestError(parsed.error, 'refused');
    }
    return parsed.value;
  }
}
