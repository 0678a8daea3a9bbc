/**
 * Low-reach mode's band on this page: the CSS pixel rows within reach (shared/accessibility/reach.ts),
 * kept current as the window changes size, and published as custom properties on the root for
 * the layout (theme/a11y-layout.css): --reach-top, --reach-height and --reach-below, in px.
 */
import { useEffect, useMemo, useState } from 'react';
import { reachBand, type DisplayGeometry, type ReachBand } from '../../../shared/accessibility/reach.js';

/** Without a configured display, the page is taken as the whole screen, unrotated. */
const UNKNOWN_DISPLAY: DisplayGeometry = { orientation: 'landscape' };

function viewport(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight };
}

export function useReachBand(display: DisplayGeometry | null, enabled: boolean): ReachBand | null {
  const [size, setSize] = useState(viewport);
  useEffect(() => {
    if (!enabled) return undefined;
    const onResize = (): void => {
      setSize(viewport());
    };
    onResize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
    };
  }, [enabled]);

  const band = useMemo(
    () => (enabled ? reachBand(display ?? UNKNOWN_DISPLAY, size) : null),
    [display, enabled, size],
  );
  const top = band?.topPx;
  const bottom = band?.bottomPx;
  const fit = band?.fit;
  useEffect(() => {
    if (top === undefined || bottom === undefined || fit === undefined) return undefined;
    const root = document.documentElement;
    // Whole pixels: a control's edge on a fractional row would measure a hair out of the band.
    const first = Math.ceil(top);
    const last = Math.floor(bottom);
    root.style.setProperty('--reach-top', `${String(first)}px`);
    root.style.setProperty('--reach-height', `${String(last - first)}px`);
    root.style.setProperty('--reach-below', `${String(size.height - last)}px`);
    root.dataset.lowReach = fit;
    return () => {
      root.style.removeProperty('--reach-top');
      root.style.removeProperty('--reach-height');
      root.style.removeProperty('--reach-below');
      delete root.dataset.lowReach;
    };
  }, [top, bottom, fit, size.height]);
  return band;
}
