import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  jsonBytes,
  outboxItemSchema,
  parseMessage,
  type OutboxItem,
} from '../../../shared/protocol/index.js';
import { backoffMs } from './support.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** An outbox item as the session hands it in: the outbox gives it its id. */
export type OutboxItemInput = WithoutId<OutboxItem>;

export type OutboxState = 'pending' | 'delivered' | 'dead';

export interface OutboxEntry {
  state: OutboxState;
  /** The hub's answer for a delivered item: a reservation's pickup code, a hand-off's URL. */
  result?: Record<string, string>;
  /** Why the hub rejected a dead item. */
  error?: string;
}

/** An item the outbox refuses to take: it would be rejected by the hub forever. */
export class OutboxItemError extends Error {
  override readonly name = 'OutboxItemError';
}

export interface OutboxOptions {
  /** Clock for retry times and retention; tests freeze it. */
  now?: () => Date;
  newId?: () => string;
  random?: () => number;
  /** Delivered and dead items are kept this long for `result(id)`, then pruned at open. */
  retentionDays?: number;
}

export interface Outbox {
  enqueue(item: OutboxItemInput): string;
  pending(): number;
  result(id: string): OutboxEntry | undefined;
  deadLetters(): { id: string; error: string }[];
  /** Pending items due now, oldest first: at most `maxItems` and (beyond the first) `budgetBytes` of JSON. */
  due(maxItems: number, budgetBytes: number): OutboxItem[];
  /** When the next pending item is due (ms since epoch), or undefined when none is pending. */
  nextDueAt(): number | undefined;
  /** Records the hub's answers: stored and duplicate are delivered, rejected are dead. */
  settle(
    results: readonly {
      id: string;
      status: 'stored' | 'duplicate' | 'rejected';
      error?: string;
      result?: Record<string, string>;
    }[],
  ): void;
  /** Pushes items back with jittered backoff (the hub did not answer for them). */
  retryLater(ids: readonly string[]): void;
  /** Makes every pending item due now (the hub is back). */
  makeAllDue(): void;
  /** Called after each enqueue (the sender wakes up). */
  onEnqueue(listener: () => void): () => void;
  /** Called with the ids the hub answered for, once their answer is stored (the UI shows it). */
  onSettle(listener: (ids: readonly string[]) => void): () => void;
  close(): void;
}

const schemaVersion = 1;

const schema = /* sql */ `
CREATE TABLE IF NOT EXISTS outbox (
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  item_json       TEXT NOT NULL,
  bytes           INTEGER NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  enqueued_at     INTEGER NOT NULL,
  settled_at      INTEGER,
  result_json     TEXT,
  error           TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(next_attempt_at, seq) WHERE state = 'pending';
`;

/**
 * The device's outbox: analytics events, reservations and hand-offs waiting for the hub. Its own
 * SQLite file, so the catalog's relaxed durability (and its snapshot swaps) never touch it.
 * At-least-once: an item leaves the pending state only on the hub's ack for it; the hub stores
 * each (device, id) once, so a resend after a lost ack has no second effect.
 */
export function openOutbox(path: string, options: OutboxOptions = {}): Outbox {
  const now = (): number => (options.now ?? (() => new Date()))().getTime();
  const newId = options.newId ?? randomUUID;
  const random = options.random ?? Math.random;
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a reservation the shopper was told is taken must survive a power cut, and in WAL
    // mode NORMAL may lose the last commits on an OS crash or power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > schemaVersion) {
      throw new Error(
        `${path}: outbox schema version ${String(version)} is newer than this app supports (${String(schemaVersion)})`,
      );
    }
    db.transaction(() => {
      db.exec(schema);
      db.pragma(`user_version = ${String(schemaVersion)}`);
    })();
  } catch (error) {
    db.close();
    throw error;
  }
  const s = {
    insert: db.prepare(`INSERT INTO outbox (id, item_json, bytes, state, next_attempt_at, enqueued_at)
      VALUES (?, ?, ?, 'pending', ?, ?)`),
    pending: db.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck(),
    entry: db.prepare('SELECT state, result_json, error FROM outbox WHERE id = ?'),
    dead: db.prepare("SELECT id, error FROM outbox WHERE state = 'dead' ORDER BY seq"),
    due: db.prepare(`SELECT item_json, bytes FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
      ORDER BY next_attempt_at, seq LIMIT ?`),
    nextDue: db.prepare("SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck(),
    deliver: db.prepare(`UPDATE outbox SET state = 'delivered', settled_at = ?, result_json = ?
      WHERE id = ? AND state = 'pending'`),
    kill: db.prepare(
      `UPDATE outbox SET state = 'dead', settled_at = ?, error = ? WHERE id = ? AND state = 'pending'`,
    ),
    attempts: db.prepare('SELECT attempts FROM outbox WHERE id = ?').pluck(),
    retry: db.prepare(`UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
      WHERE id = ? AND state = 'pending'`),
    allDue: db.prepare(
      "UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?",
    ),
    prune: db.prepare("DELETE FROM outbox WHERE state != 'pending' AND settled_at < ?"),
  };
  s.prune.run(now() - (options.retentionDays ?? 7) * 86_400_000);
  const listeners = new Set<() => void>();
  const settleListeners = new Set<(ids: readonly string[]) => void>();

  return {
    enqueue(input) {
      const parsed = parseMessage(outboxItemSchema, { ...input, id: newId() }, `outbox ${input.kind}`);
      if (!parsed.ok) throw new OutboxItemError(parsed.error);
      const json = JSON.stringify(parsed.value);
      const at = now();
      s.insert.run(parsed.value.id, json, jsonBytes(parsed.value), at, at);
      for (const listener of listeners) listener();
      return parsed.value.id;
    },
    pending: () => s.pending.get() as number,
    result(id) {
      const row = s.entry.get(id) as
        { state: OutboxState; result_json: string | null; error: string | null } | undefined;
      if (row === undefined) return undefined;
      const entry: OutboxEntry = { state: row.state };
      if (row.result_json !== null) entry.result = JSON.parse(row.result_json) as Record<string, string>;
      if (row.error !== null) entry.error = row.error;
      return entry;
    },
    deadLetters: () =>
      (s.dead.all() as { id: string; error: string | null }[]).map((r) => ({
        id: r.id,
        error: r.error ?? '',
      })),
    due(maxItems, budgetBytes) {
      const items: OutboxItem[] = [];
      let bytes = 0;
      for (const row of s.due.all(now(), maxItems) as { item_json: string; bytes: number }[]) {
        if (items.length > 0 && bytes + row.bytes > budgetBytes) break;
        bytes += row.bytes;
        // Parsed with outboxItemSchema before it was stored.
        items.push(JSON.parse(row.item_json) as OutboxItem);
      }
      return items;
    },
    nextDueAt: () => (s.nextDue.get() as number | null) ?? undefined,
    settle(results) {
      const at = now();
      // One transaction: the hub's answer to a batch is recorded whole or (on a crash) not at
      // all, in which case the items are sent again and the hub answers "duplicate".
      db.transaction(() => {
        for (const r of results) {
          if (r.status === 'rejected') s.kill.run(at, r.error ?? 'rejected by the hub', r.id);
          else s.deliver.run(at, r.result === undefined ? null : JSON.stringify(r.result), r.id);
        }
      })();
      const ids = results.map((r) => r.id);
      for (const listener of settleListeners) listener(ids);
    },
    retryLater(ids) {
      const at = now();
      db.transaction(() => {
        for (const id of ids) {
          const attempts = (s.attempts.get(id) as number | undefined) ?? 0;
          s.retry.run(at + Math.round(backoffMs(attempts, random, 1000, 300_000)), id);
        }
      })();
    },
    makeAllDue() {
      const at = now();
      s.allDue.run(at, at);
    },
    onEnqueue(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSettle(listener) {
      settleListeners.add(listener);
      return () => settleListeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      settleListeners.clear();
      db.close();
    },
  };
}
