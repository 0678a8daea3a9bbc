/**
 * Proof of play: an `attract.impression` for each attract item, sent when it leaves the screen
 * (the next slide, or a shopper's touch) with how long it was shown. An item that failed to load
 * is cancelled: it was never seen.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { AnalyticsProps } from '../../../shared/analytics/events.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { track } from './track.js';

export type AttractItem = Omit<AnalyticsProps<'attract.impression'>, 'durationMs'>;

/** `key` tells two showings of the same item apart (its place in the playlist, each time round). */
export function useImpression(item: AttractItem | null, key: number): { cancel: () => void } {
  const { bridge } = useKiosk();
  const cancelled = useRef(false);
  const itemKind = item?.itemKind;
  const itemRef = item?.itemRef;
  useEffect(() => {
    if (itemKind === undefined || itemRef === undefined) return undefined;
    cancelled.current = false;
    const shownAt = performance.now();
    return () => {
      if (cancelled.current) return;
      const durationMs = Math.min(24 * 3600_000, Math.round(performance.now() - shownAt));
      track(bridge, 'attract.impression', { itemKind, itemRef, durationMs });
    };
  }, [bridge, itemKind, itemRef, key]);
  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  return { cancel };
}
