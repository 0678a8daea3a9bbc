import {
  PAGE_BUDGET_BYTES,
  parseMessage,
  pushResponseSchema,
  type PushRequest,
} from '../../../shared/protocol/index.js';
import type { Outbox } from './outbox.js';
import { errorText, type SyncLog, type Timers } from './support.js';

export interface OutboxSenderOptions {
  outbox: Outbox;
  /** Sends `events:push` and resolves with the ack (unparsed), or rejects on timeout or disconnect. */
  push(request: PushRequest): Promise<unknown>;
  log: SyncLog;
  timers: Timers;
  now: () => Date;
  /** Items per push (default 100). */
  batchSize?: number;
}

export interface OutboxSender {
  /** The hub is reachable: send until the outbox is empty, then wait for more. */
  resume(): void;
  /** The hub went away: stop after the push in flight (its items stay pending). */
  pause(): void;
}

/**
 * Sends outbox items in batches while connected. Nothing is marked delivered without the hub's
 * ack for that very id; items the hub did not answer for are retried with jittered backoff.
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { outbox, log, timers } = options;
  const batchSize = options.batchSize ?? 100;
  let active = false;
  let running = false;
  let wake: (() => void) | undefined;
  const isActive = (): boolean => active;

  const wakeUp = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  outbox.onEnqueue(wakeUp);

  /** Waits for an enqueue, a pause, or the next retry time (checked at least once a minute). */
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const next = outbox.nextDueAt();
      const ms = next === undefined ? 60_000 : Math.min(60_000, Math.max(0, next - options.now().getTime()));
      const handle = timers.setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        timers.clearTimeout(handle);
        resolve();
      };
    });

  async function sendOnce(): Promise<boolean> {
    // Half the message limit: room for socket.io's framing around the items.
    const items = outbox.due(batchSize, PAGE_BUDGET_BYTES);
    if (items.length === 0) return false;
    const ids = items.map((item) => item.id);
    let answer: unknown;
    try {
      answer = await options.push({ items });
    } catch (error) {
      log.warn({ items: ids.length, error: errorText(error) }, 'events:push got no answer; will retry');
      outbox.retryLater(ids);
      return true;
    }
    const parsed = parseMessage(pushResponseSchema, answer, 'events:push');
    if (!parsed.ok) {
      log.error({ problem: parsed.error }, 'refused a malformed hub message');
      outbox.retryLater(ids);
      return true;
    }
    if (parsed.value.kind === 'error') {
      log.warn({ error: parsed.value.error }, 'events:push refused by the hub; will retry');
      outbox.retryLater(ids);
      return true;
    }
    const sent = new Set(ids);
    const answered = parsed.value.results.filter((r) => sent.has(r.id));
    outbox.settle(answered);
    const unanswered = new Set(ids);
    for (const r of answered) unanswered.delete(r.id);
    if (unanswered.size > 0) outbox.retryLater([...unanswered]);
    for (const r of answered) {
      if (r.status === 'rejected') log.warn({ id: r.id, error: r.error }, 'outbox item rejected by the hub');
    }
    return true;
  }

  async function run(): Promise<void> {
    running = true;
    try {
      while (active) {
        const sent = await sendOnce();
        // `active` may have changed while the push was in flight (pause).
        if (!sent && isActive()) await idle();
      }
    } catch (error) {
      log.error({ error: errorText(error) }, 'outbox sender stopped');
    } finally {
      running = false;
    }
  }

  return {
    resume() {
      active = true;
      outbox.makeAllDue();
      if (running) wakeUp();
      else void run();
    },
    pause() {
      active = false;
      wakeUp();
    },
  };
}
