/**
 * `screen.view` each time a screen comes to the top of the shopper's stack (opened, or shown
 * again by "back"). The attract loop is not a session screen: it has impressions instead.
 */
import { useEffect } from 'react';
import { useKiosk } from '../bridge/kiosk-context.js';
import { track } from './track.js';

export function useScreenView(screen: { kind: string; id: number }): void {
  const { bridge } = useKiosk();
  const { kind, id } = screen;
  useEffect(() => {
    if (kind !== 'attract') track(bridge, 'screen.view', { screen: kind });
  }, [bridge, kind, id]);
}
