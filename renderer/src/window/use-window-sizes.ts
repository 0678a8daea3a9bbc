/**
 * The window's sizes for this screen (sizing.ts), kept current as the page is resized or
 * turned, and with the cap height of the font actually in use.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useKiosk } from '../bridge/kiosk-context.js';
import { capHeightMm, DEFAULT_DISPLAY, FAR_MM, NEAR_MM, windowSizes, type WindowSizes } from './sizing.js';

/** Cap height over font size of most sans faces, for when the font cannot be measured. */
const TYPICAL_CAP_RATIO = 0.7;
/** How many pixels above the worked-out size `drawnFontPx` looks for a big enough capital. */
const MAX_SETTLE_PX = 8;

/** Canvas's measure of a bold capital H at `px` in `family`, or null without a 2D canvas. */
function capPxAt(family: string, px: number): number | null {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) return null;
  context.font = `700 ${String(px)}px ${family}`;
  return context.measureText('H').actualBoundingBoxAscent;
}

/**
 * Measures the cap height of `family` at weight 700 with a canvas: a brand font may have a cap
 * height well off the typical 0.7, and the 3 m rule is about the capitals' real height.
 */
export function measureCapRatio(family: string): number {
  const ascent = capPxAt(family, 100);
  return ascent !== null && ascent > 20 && ascent < 100 ? ascent / 100 : TYPICAL_CAP_RATIO;
}

/**
 * The smallest font size from `px` up whose capital, as drawn, is at least `capPx` tall. Glyphs
 * are drawn on the pixel grid, so a size worked out from the ratio at 100 px can draw its
 * capitals a pixel short (Noto Sans Bold: 72 px at 100 px, 58 px at 81 px, not 58.3).
 */
export function drawnFontPx(family: string, px: number, capPx: number): number {
  for (let size = px; size < px + MAX_SETTLE_PX; size++) {
    const drawn = capPxAt(family, size);
    if (drawn === null || drawn >= capPx) return size;
  }
  return px + MAX_SETTLE_PX;
}

function subscribeResize(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => {
    window.removeEventListener('resize', listener);
  };
}

const viewportKey = (): string => `${String(window.innerWidth)}x${String(window.innerHeight)}`;
const bodyFont = (): string => getComputedStyle(document.body).fontFamily;

export function useWindowSizes(): WindowSizes {
  const { info } = useKiosk();
  const key = useSyncExternalStore(subscribeResize, viewportKey);
  // The family, and a count of font loads: the same family may draw differently once it has loaded.
  const [font, setFont] = useState(() => ({ family: bodyFont(), loads: 0 }));
  useEffect(() => {
    let live = true;
    // A web font (the brand's) may arrive after the first paint; measure again once it has.
    void document.fonts.ready.then(() => {
      if (live) setFont((f) => ({ family: bodyFont(), loads: f.loads + 1 }));
    });
    return () => {
      live = false;
    };
  }, [info.branding.font]);
  return useMemo(() => {
    const [width = 1920, height = 1080] = key.split('x').map(Number);
    const sizes = windowSizes(
      { width, height },
      info.display ?? DEFAULT_DISPLAY,
      measureCapRatio(font.family),
    );
    const capPx = (distanceMm: number): number => capHeightMm(distanceMm) * sizes.mmToPx;
    return {
      ...sizes,
      ctaPx: drawnFontPx(font.family, sizes.ctaPx, capPx(FAR_MM)),
      nearPx: drawnFontPx(font.family, sizes.nearPx, capPx(NEAR_MM)),
    };
  }, [key, info.display, font]);
}
