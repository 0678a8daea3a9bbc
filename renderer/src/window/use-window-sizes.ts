/**
 * The window's sizes for this screen (sizing.ts), kept current as the page is resized or
 * turned, and with the cap height of the font actually in use.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useKiosk } from '../bridge/kiosk-context.js';
import { DEFAULT_DISPLAY, windowSizes, type WindowSizes } from './sizing.js';

/** Cap height over font size of most sans faces, for when the font cannot be measured. */
const TYPICAL_CAP_RATIO = 0.7;

/**
 * Measures the cap height of `family` at weight 700 with a canvas: a brand font may have a cap
 * height well off the typical 0.7, and the 3 m rule is about the capitals' real height.
 */
export function measureCapRatio(family: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return TYPICAL_CAP_RATIO;
  context.font = `700 100px ${family}`;
  const ascent = context.measureText('H').actualBoundingBoxAscent;
  return ascent > 20 && ascent < 100 ? ascent / 100 : TYPICAL_CAP_RATIO;
}

function subscribeResize(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => {
    window.removeEventListener('resize', listener);
  };
}

const viewportKey = (): string => `${String(window.innerWidth)}x${String(window.innerHeight)}`;

export function useWindowSizes(): WindowSizes {
  const { info } = useKiosk();
  const key = useSyncExternalStore(subscribeResize, viewportKey);
  const [capRatio, setCapRatio] = useState(() => measureCapRatio(getComputedStyle(document.body).fontFamily));
  useEffect(() => {
    let live = true;
    // A web font (the brand's) may arrive after the first paint; measure again once it has.
    void document.fonts.ready.then(() => {
      if (live) setCapRatio(measureCapRatio(getComputedStyle(document.body).fontFamily));
    });
    return () => {
      live = false;
    };
  }, [info.branding.font]);
  return useMemo(() => {
    const [width = 1920, height = 1080] = key.split('x').map(Number);
    return windowSizes({ width, height }, info.display ?? DEFAULT_DISPLAY, capRatio);
  }, [key, info.display, capRatio]);
}
