/**
 * What every screen needs from the device: the bridge, the kiosk's description (store, look,
 * locale) and whether the hub is reachable. One provider at the top; screens read it with hooks.
 */
import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { BridgeClient } from '../../../shared/bridge/client.js';
import type { BridgeEventName, BridgeEvents, KioskInfo } from '../../../shared/bridge/contract.js';

export interface Kiosk {
  bridge: BridgeClient;
  /**
   * The kiosk as kiosk.info describes it, except `locale`: that is the language the session is
   * in now (the shopper's pick, else the config's default), so prices and dates follow it.
   */
  info: KioskInfo;
  /** The hub answered last: hand-offs and reservations go through at once. */
  online: boolean;
  /** Whether "offline" is worth saying: a standalone kiosk has no hub to miss. */
  hasHub: boolean;
  /** The hub has been away long enough to tell the shopper (blips are not shown). */
  showOffline: boolean;
}

export const KioskContext = createContext<Kiosk | null>(null);

export function useKiosk(): Kiosk {
  const kiosk = useContext(KioskContext);
  if (kiosk === null) throw new Error('useKiosk outside <KioskContext>');
  return kiosk;
}

/** Subscribes to a bridge event for the component's lifetime; the listener may change freely. */
export function useBridgeEvent<K extends BridgeEventName>(
  name: K,
  listener: (payload: BridgeEvents[K]) => void,
): void {
  const { bridge } = useKiosk();
  const onEvent = useEffectEvent(listener);
  useEffect(
    () =>
      bridge.on(name, (payload) => {
        onEvent(payload);
      }),
    [bridge, name],
  );
}

/** Fire-and-forget calls (activity pings, analytics): a failure must never disturb the shopper. */
export function callQuietly(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}
