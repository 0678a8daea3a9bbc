/**
 * Telling the runtime's idle clock that someone is there (session.activity). Pings are
 * throttled: at most one per 2 s, or per half the time before the "still there?" warning when
 * that is shorter (a config may leave as little as 1 s), so a touch is never reported so late
 * that the warning interrupts a shopper mid-tap.
 */
import { useCallback, useRef } from 'react';
import type { BridgeClient } from '../../../shared/bridge/client.js';
import type { KioskInfo } from '../../../shared/bridge/contract.js';
import { callQuietly } from '../bridge/kiosk-context.js';

const THROTTLE_MS = 2000;

export interface ActivityReporter {
  /** A touch or a typed key; `urgent` skips the throttle (an answer to "still there?"). */
  report: (urgent: boolean) => void;
  /** The session ended: nothing pending is sent, and the next touch is reported at once. */
  forget: () => void;
}

export function useActivityReporter(
  bridge: BridgeClient,
  idle: KioskInfo['idle'] | undefined,
): ActivityReporter {
  const last = useRef(-Infinity);
  const trailing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const throttleMs =
    idle === undefined
      ? THROTTLE_MS
      : Math.min(THROTTLE_MS, ((idle.timeoutSeconds - idle.warningSeconds) * 1000) / 2);

  const report = useCallback(
    (urgent: boolean) => {
      const send = (): void => {
        clearTimeout(trailing.current);
        trailing.current = undefined;
        last.current = performance.now();
        callQuietly(bridge.call('session.activity', {}));
      };
      const wait = last.current + throttleMs - performance.now();
      if (urgent || wait <= 0) send();
      // A touch inside the window is still reported, once, when the window ends: the runtime's
      // clock then starts from no earlier than the shopper's last touch.
      else trailing.current ??= setTimeout(send, wait);
    },
    [bridge, throttleMs],
  );

  const forget = useCallback(() => {
    clearTimeout(trailing.current);
    trailing.current = undefined;
    last.current = -Infinity;
  }, []);

  return { report, forget };
}
