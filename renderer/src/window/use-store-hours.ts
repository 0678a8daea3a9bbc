/**
 * The store's opening state as the window shows it: from kiosk.info, then from each `hours`
 * event the runtime sends when the store opens or closes. A fresh kiosk.info (a pushed config)
 * supersedes an older event.
 */
import { useEffect, useState } from 'react';
import type { KioskInfo, StoreHoursView } from '../../../shared/bridge/contract.js';
import { useBridgeEvent, useKiosk } from '../bridge/kiosk-context.js';

export function useStoreHours(): StoreHoursView | undefined {
  const { info } = useKiosk();
  const [latest, setLatest] = useState<{ info: KioskInfo; view: StoreHoursView } | null>(null);
  useBridgeEvent('hours', (view) => {
    setLatest({ info, view });
  });
  return latest !== null && latest.info === info ? latest.view : info.hours;
}

/** The time, moved on every `everyMs`: relative words ("tomorrow") change at midnight without an event. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
