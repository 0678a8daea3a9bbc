/**
 * An outbox item that claims to be an analytics event but does not even parse as an outbox item
 * (a bad name, a prop of the wrong type): kept among the refused events with the reason, like
 * the ones the catalogue refuses, so the dashboard shows every event that was not counted.
 */
import type { HubContext } from '../hub-context.js';

export async function keepRefusedEvent(
  hub: HubContext,
  device: { id: string; storeCode: string },
  candidate: { id: string } & Record<string, unknown>,
  reason: string,
): Promise<void> {
  if (candidate.kind !== 'event') return;
  try {
    await hub.store.analytics.reject({
      deviceId: device.id,
      itemId: candidate.id,
      storeCode: device.storeCode,
      name: typeof candidate.name === 'string' ? candidate.name : '(no name)',
      reason,
      body: JSON.stringify(candidate),
      receivedAt: hub.now().toISOString(),
    });
  } catch (error) {
    // Keeping the refusal is a courtesy to the operator; the device gets its answer regardless.
    hub.logger.error({ err: error, deviceId: device.id, itemId: candidate.id }, 'refused event not kept');
  }
}
