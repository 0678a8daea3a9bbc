/**
 * Answers to a device's catalog requests. Every request is parsed first; a malformed one gets an
 * `error` answer naming the field and changes nothing.
 *
 * A cursor ahead of the head (the hub was restored from a backup, or the device talked to another
 * hub) is answered with a snapshot, reason `cursor-ahead`, rather than an error: the device can
 * hold nothing the hub can vouch for, and a snapshot is the one answer that brings it back.
 */
import {
  parseMessage,
  pullRequestSchema,
  snapshotPageRequestSchema,
  type ProtocolError,
  type PullResponse,
  type SnapshotPageResponse,
} from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';

export function protocolError(
  code: ProtocolError['code'],
  message: string,
): { kind: 'error'; error: ProtocolError } {
  return { kind: 'error', error: { code, message: message.slice(0, 2000) } };
}

/**
 * `snapshotRequested` says (and forgets) whether this device owes a snapshot of the scope: a
 * resync command asks for one, since the pull request itself has no way to (reason `requested`).
 */
export async function answerPull(
  hub: HubContext,
  raw: unknown,
  snapshotRequested: (scope: string) => boolean = () => false,
): Promise<PullResponse> {
  const parsed = parseMessage(pullRequestSchema, raw, 'catalog:pull');
  if (!parsed.ok) return protocolError('invalid-message', parsed.error);
  const { scope, cursor } = parsed.value;
  const state = await hub.store.getScope(scope);
  if (state === null) return protocolError('unknown-scope', `catalog:pull: no scope ${scope} on this hub`);
  const requested = snapshotRequested(scope);
  const image = hub.images.offer(scope, state.floor);
  // A device thousands of changes behind (a first start) copies the image faster than it replays them.
  const farBehind = image !== undefined && image.cursor - cursor >= hub.images.policy.rebuildAfter;
  if (requested || cursor > state.head || cursor < state.floor || farBehind) {
    const snapshot = await hub.snapshots.open(scope, state.head);
    return {
      kind: 'snapshot',
      scope,
      snapshotId: snapshot.id,
      cursor: snapshot.cursor,
      pages: snapshot.pages,
      records: snapshot.records,
      reason: requested
        ? 'requested'
        : cursor > state.head
          ? 'cursor-ahead'
          : cursor < state.floor
            ? 'cursor-behind-log'
            : 'far-behind',
      ...(image === undefined ? {} : { image }),
    };
  }
  const page = await hub.store.readChanges(scope, cursor, hub.settings.pageBudgetBytes);
  return { kind: 'changes', scope, ...page };
}

export async function answerSnapshotPage(hub: HubContext, raw: unknown): Promise<SnapshotPageResponse> {
  const parsed = parseMessage(snapshotPageRequestSchema, raw, 'catalog:snapshot');
  if (!parsed.ok) return protocolError('invalid-message', parsed.error);
  const { scope, snapshotId, page } = parsed.value;
  const result = await hub.snapshots.page(scope, snapshotId, page);
  if (!result.ok) return protocolError(result.code, result.message);
  return {
    kind: 'page',
    scope,
    snapshotId,
    page,
    pages: result.entry.pages,
    cursor: result.entry.cursor,
    records: result.records,
  };
}
