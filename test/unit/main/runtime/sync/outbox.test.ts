import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutbox, OutboxItemError, type Outbox } from '../../../../../main/runtime/sync/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { useSyncHarness } from './harness.js';

const tempDir = useTempDir();
const harness = useSyncHarness(tempDir);
const at = '2026-11-22T12:00:00Z';

const outboxes: Outbox[] = [];
afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.close();
});

function open(dir: string): Outbox {
  let n = 0;
  const outbox = openOutbox(join(dir, 'outbox.db'), {
    now: () => new Date(at),
    newId: () => `id-${String(++n)}-${dir.slice(-6)}`,
  });
  outboxes.push(outbox);
  return outbox;
}

function close(outbox: Outbox): void {
  outboxes.splice(outboxes.indexOf(outbox), 1);
  outbox.close();
}

const view = { kind: 'event', at, name: 'product.view', props: { productId: 'P1' } } as const;
const reservation = {
  kind: 'reservation',
  at,
  sku: 'P1-S',
  storeCode: 'BER',
  quantity: 1,
  name: 'Ada',
  contact: { email: 'ada@example.com' },
  consent: true,
} as const;

describe('outbox store', () => {
  it('keeps items across a close and reopen, on a synchronous=FULL file', () => {
    const dir = tempDir();
    const first = open(dir);
    const id = first.enqueue(view);
    first.enqueue(reservation);
    close(first);
    const again = open(dir);
    expect(again.pending()).toBe(2);
    expect(again.result(id)).toEqual({ state: 'pending' });
    expect(again.due(100, 1_000_000).map((i) => i.kind)).toEqual(['event', 'reservation']);
    const raw = new Database(join(dir, 'outbox.db'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses an item the hub would reject forever, storing nothing', () => {
    const outbox = open(tempDir());
    expect(() => outbox.enqueue({ ...reservation, consent: false as unknown as true })).toThrow(
      OutboxItemError,
    );
    expect(() => outbox.enqueue({ ...view, name: 'Not An Event' })).toThrow(/expected an event name/);
    expect(outbox.pending()).toBe(0);
  });

  it('fills a batch up to the byte budget (always at least one item)', () => {
    const outbox = open(tempDir());
    for (let i = 0; i < 5; i++) outbox.enqueue({ ...view, props: { text: 'x'.repeat(400) } });
    expect(outbox.due(100, 1200)).toHaveLength(2); // about 520 bytes each
    expect(outbox.due(100, 10)).toHaveLength(1);
    expect(outbox.due(3, 1_000_000)).toHaveLength(3);
  });

  it('moves an item to its final state only once, and puts unanswered ones back with a delay', () => {
    const outbox = open(tempDir());
    const a = outbox.enqueue(view);
    const b = outbox.enqueue(view);
    outbox.settle([{ id: a, status: 'rejected', error: 'nope' }]);
    outbox.settle([{ id: a, status: 'stored' }]);
    expect(outbox.result(a)).toEqual({ state: 'dead', error: 'nope' });
    expect(outbox.deadLetters()).toEqual([{ id: a, error: 'nope' }]);
    outbox.retryLater([b]);
    expect(outbox.due(100, 1_000_000)).toEqual([]);
    expect(outbox.pending()).toBe(1);
    outbox.makeAllDue();
    expect(outbox.due(100, 1_000_000).map((i) => i.id)).toEqual([b]);
  });
});

describe('outbox through the sync client', () => {
  it('delivers items, keeps the hub’s result, marks duplicates delivered and rejected ones dead', async () => {
    const hub = await harness.hub();
    const dir = tempDir();
    const outbox = open(dir);
    const stored = outbox.enqueue(reservation);
    const duplicate = outbox.enqueue(view);
    const rejected = outbox.enqueue({ ...view, name: 'bad.event' });
    hub.stored.set(duplicate, undefined); // delivered before, but the ack was lost
    const { client } = harness.client(hub, harness.catalog(dir), { outbox });
    client.start();
    await vi.waitFor(() => {
      expect(outbox.pending()).toBe(0);
    });
    expect(outbox.result(stored)).toEqual({ state: 'delivered', result: { pickupCode: 'P-2' } });
    expect(outbox.result(duplicate)).toEqual({ state: 'delivered' });
    expect(outbox.result(rejected)).toEqual({ state: 'dead', error: 'event name not accepted' });
    // Enqueued while connected: sent without waiting for a retry timer.
    const later = outbox.enqueue(view);
    await vi.waitFor(() => {
      expect(outbox.result(later)?.state).toBe('delivered');
    });
  });

  it('removes nothing before the hub acks, across a restart', async () => {
    const hub = await harness.hub();
    const dir = tempDir();
    const outbox = open(dir);
    const id = outbox.enqueue(reservation);
    let pushes = 0;
    hub.onPush = () => {
      pushes++;
      return 'hang';
    };
    const first = harness.client(hub, harness.catalog(dir), { outbox, ackTimeoutMs: 100 });
    first.client.start();
    await vi.waitFor(() => {
      expect(first.log.entries.some((e) => e.message.includes('events:push got no answer'))).toBe(true);
    });
    expect(pushes).toBeGreaterThan(0);
    expect(outbox.result(id)).toEqual({ state: 'pending' });
    first.client.stop();
    close(outbox);

    hub.onPush = undefined;
    const reopened = open(dir);
    expect(reopened.pending()).toBe(1);
    const second = harness.client(hub, harness.catalog(tempDir()), { outbox: reopened });
    second.client.start();
    await vi.waitFor(() => {
      expect(reopened.result(id)).toEqual({ state: 'delivered', result: { pickupCode: 'P-1' } });
    });
  });
});
