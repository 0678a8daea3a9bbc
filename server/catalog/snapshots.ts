/**
 * Snapshots of a scope, paged. A snapshot's page boundaries are planned once and remembered
 * under its id, so page N is the same key range however often a device asks for it; records are
 * read when the page is asked for, which is safe because every change is an idempotent upsert and
 * the device pulls the changes after the snapshot's cursor once it has every page.
 *
 * Plans live in memory with an expiry, refreshed on each page. A plan's id is derived from what
 * determines it (scope, head, page budget, page boundaries), so after a hub restart the same
 * plan is made again for an id a device still holds, and the device resumes its snapshot where
 * it stopped instead of starting over. Several hub nodes can answer the same ids for the same
 * reason.
 */
import { createHash } from 'node:crypto';
import type { HubStore, SnapshotPlan } from '../storage/hub-store.js';
import type { ChangeBody } from '../../shared/protocol/index.js';

export interface SnapshotEntry extends SnapshotPlan {
  id: string;
  pages: number;
  expiresAt: number;
}

export type SnapshotPageResult =
  | { ok: true; entry: SnapshotEntry; records: ChangeBody[] }
  | { ok: false; code: 'snapshot-expired' | 'invalid-message'; message: string };

export interface SnapshotRegistryOptions {
  now: () => Date;
  ttlMs: number;
  budgetBytes: number;
}

export class SnapshotRegistry {
  private readonly entries = new Map<string, SnapshotEntry>();
  /** Plans being made, by scope and head: a thousand devices asking at once share one plan. */
  private readonly planning = new Map<string, Promise<SnapshotEntry>>();

  constructor(
    private readonly store: HubStore,
    private readonly options: SnapshotRegistryOptions,
  ) {}

  /** A snapshot of the scope at its current head, reusing a live one at the same head. */
  async open(scope: string, head: number): Promise<SnapshotEntry> {
    this.prune();
    for (const entry of this.entries.values()) {
      if (entry.scope === scope && entry.cursor === head) {
        entry.expiresAt = this.options.now().getTime() + this.options.ttlMs;
        return entry;
      }
    }
    const key = `${scope}\n${String(head)}`;
    let pending = this.planning.get(key);
    if (pending === undefined) {
      pending = this.plan(scope).finally(() => this.planning.delete(key));
      this.planning.set(key, pending);
    }
    return pending;
  }

  async page(scope: string, snapshotId: string, page: number): Promise<SnapshotPageResult> {
    this.prune();
    const entry = this.entries.get(snapshotId) ?? (await this.replan(scope, snapshotId));
    if (entry?.scope !== scope) {
      return {
        ok: false,
        code: 'snapshot-expired',
        message: `no snapshot ${snapshotId} of ${scope}: pull again`,
      };
    }
    if (page >= entry.pages) {
      return {
        ok: false,
        code: 'invalid-message',
        message: `catalog:snapshot: page ${String(page)} of ${String(entry.pages)} (pages count from 0)`,
      };
    }
    entry.expiresAt = this.options.now().getTime() + this.options.ttlMs;
    const last = entry.lastKeys[page];
    if (last === undefined) return { ok: true, entry, records: [] }; // an empty scope has one empty page
    const records = await this.store.readSnapshotPage(
      scope,
      entry.lastKeys[page - 1] ?? null,
      last,
      this.options.now().toISOString(),
    );
    return { ok: true, entry, records };
  }

  /**
   * A plan this hub does not hold (it restarted, or another node made it): made again when the
   * scope still stands at the plan's head, and accepted only if it comes out the same.
   */
  private async replan(scope: string, snapshotId: string): Promise<SnapshotEntry | undefined> {
    const head = /^snap-(\d+)-/.exec(snapshotId)?.[1];
    const state = await this.store.getScope(scope);
    if (head === undefined || state?.head !== Number(head)) return undefined;
    const entry = await this.open(scope, state.head);
    return entry.id === snapshotId ? entry : undefined;
  }

  private async plan(scope: string): Promise<SnapshotEntry> {
    const plan = await this.store.planSnapshot(scope, this.options.budgetBytes);
    const digest = createHash('sha256')
      .update(JSON.stringify([scope, plan.cursor, this.options.budgetBytes, plan.lastKeys]))
      .digest('base64url')
      .slice(0, 22);
    const entry: SnapshotEntry = {
      ...plan,
      id: `snap-${String(plan.cursor)}-${digest}`,
      pages: Math.max(1, plan.lastKeys.length),
      expiresAt: this.options.now().getTime() + this.options.ttlMs,
    };
    this.entries.set(entry.id, entry);
    return entry;
  }

  private prune(): void {
    const now = this.options.now().getTime();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
