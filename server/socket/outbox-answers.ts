/**
 * Answers to `events:push`. Items are parsed one by one: a malformed item is rejected on its own
 * (with the parse error) so one bad item cannot block a device's whole outbox behind it. Only a
 * batch whose items cannot even be told apart (no usable id) is refused as a whole.
 */
import { z } from 'zod';
import {
  outboxItemSchema,
  parseMessage,
  type OutboxItem,
  type PushResponse,
} from '../../shared/protocol/index.js';
import { keepRefusedEvent } from '../analytics/refused-events.js';
import type { HubContext } from '../hub-context.js';
import { newHandoffToken, newPickupCode } from '../fleet/secrets.js';
import type { DeviceRow, ReceiveContext, ReceiveResult } from '../storage/hub-store.js';
import { protocolError } from './catalog-answers.js';

/** The batch's envelope: the protocol's pushRequestSchema, with items checked one at a time. */
const envelopeSchema = z.strictObject({
  items: z
    .array(z.looseObject({ id: z.string().min(1).max(200) }))
    .min(1)
    .max(500),
});

/** What storing an outbox item needs to know: the time, its holds and expiries, fresh codes. */
function receiveContext(hub: HubContext, deviceStoreCode: string): ReceiveContext {
  const now = hub.now();
  return {
    now: now.toISOString(),
    deviceStoreCode,
    reservationExpiresAt: new Date(now.getTime() + hub.settings.reservationHoldMs).toISOString(),
    reservationHoldMs: hub.settings.reservationHoldMs,
    handoffExpiresAt: new Date(now.getTime() + hub.settings.handoffTtlMs).toISOString(),
    newPickupCode: () => newPickupCode(hub.random),
    newHandoffToken: () => newHandoffToken(hub.random),
    handoffUrl: (token) => `${hub.settings.publicUrl}/p/${token}`,
  };
}

/**
 * Stores an outbox item once (from a device, or from the phone page's reserve form). When a
 * reservation's hold changed the stock kiosks see, they are poked with that one change.
 */
export async function receiveItem(
  hub: HubContext,
  senderId: string,
  storeCode: string,
  item: OutboxItem,
): Promise<Omit<ReceiveResult, 'grown'>> {
  const { grown, ...received } = await hub.store.receiveItem(senderId, item, receiveContext(hub, storeCode));
  if (grown !== undefined) await hub.scopesGrew(grown, new Map(grown.map((g) => [g.scope, g.head - 1])));
  return received;
}

export async function answerPush(
  hub: HubContext,
  device: Pick<DeviceRow, 'id' | 'storeCode'>,
  raw: unknown,
): Promise<PushResponse> {
  const envelope = parseMessage(envelopeSchema, raw, 'events:push');
  if (!envelope.ok) return protocolError('invalid-message', envelope.error);
  const results: Extract<PushResponse, { kind: 'results' }>['results'] = [];
  const answer = (index: number, id: string, received: Omit<ReceiveResult, 'grown'>): void => {
    if (received.status === 'rejected') {
      hub.logger.info({ deviceId: device.id, itemId: id, error: received.error }, 'outbox item rejected');
    }
    results[index] = { id, ...received };
  };
  // Analytics events (most of a push) are stored together, in one transaction: one disk sync
  // per push rather than one per event. Other items keep their place in the order of effects.
  let events: { index: number; item: Extract<OutboxItem, { kind: 'event' }> }[] = [];
  const storeEvents = async (): Promise<void> => {
    if (events.length === 0) return;
    const batch = events;
    events = [];
    const received = await hub.store.receiveEvents(
      device.id,
      batch.map((e) => e.item),
      receiveContext(hub, device.storeCode),
    );
    for (const [i, { index, item }] of batch.entries()) {
      const { grown: _none, ...result } = received[i] ?? { status: 'rejected', error: 'not stored' };
      answer(index, item.id, result);
    }
  };
  for (const [index, candidate] of envelope.value.items.entries()) {
    const item = parseMessage(outboxItemSchema, candidate, `events:push: items[${String(index)}]`);
    if (!item.ok) {
      hub.logger.warn(
        { deviceId: device.id, itemId: candidate.id, error: item.error },
        'outbox item refused',
      );
      await keepRefusedEvent(hub, device, candidate, item.error);
      results[index] = { id: candidate.id, status: 'rejected', error: item.error.slice(0, 2000) };
      continue;
    }
    if (item.value.kind === 'event') {
      events.push({ index, item: item.value });
      continue;
    }
    await storeEvents();
    answer(index, item.value.id, await receiveItem(hub, device.id, device.storeCode, item.value));
  }
  await storeEvents();
  return { kind: 'results', results };
}
