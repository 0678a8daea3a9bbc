/** A device's credentials checked against the hub's records: for the socket and for HTTP downloads. */
import type { HubContext } from '../hub-context.js';
import { secretsEqual, sha256Hex } from './secrets.js';

/** One answer for unknown, revoked and wrong token: the hub does not confirm which ids exist. */
export const DEVICE_REFUSAL = 'unknown device, revoked device or wrong token';

export async function authenticateDevice(
  hub: Pick<HubContext, 'store'>,
  deviceId: string,
  token: string,
): Promise<{ deviceId: string; storeCode: string } | null> {
  const device = await hub.store.getDevice(deviceId);
  if (device?.revokedAt !== null || device.tokenHash === null) return null;
  if (!secretsEqual(sha256Hex(token), device.tokenHash)) return null;
  return { deviceId: device.id, storeCode: device.storeCode };
}
