/**
 * Where a shopper in a wheelchair can reach on a screen: ADA 2010 §308.2.1 / §308.3.1 (and
 * EN 301 549 §8.3) put operable parts between 380 and 1220 mm above the floor. From a display's
 * configured geometry (visible size in mm, bottom edge above the floor) this works out which CSS
 * pixel rows of the page lie in that band, for the renderer's low-reach layout, and what staff
 * should be told when the geometry cannot give a usable band.
 */

export const REACH_LOW_MM = 380;
export const REACH_HIGH_MM = 1220;

/**
 * The shortest band a screen's controls can be laid out in (top bar, content, a keyboard):
 * below this, low-reach mode grows the band past the reach limits rather than break the layout.
 */
export const MIN_BAND_PX = 600;
/** Below this much reachable screen, staff are warned (about MIN_BAND_PX on a 1.6 px/mm panel). */
export const MIN_REACH_SPAN_MM = 380;
/** Without a geometry there is nothing to measure: the lower part is where reach is likeliest. */
export const UNKNOWN_GEOMETRY_FRACTION = 0.6;

export type DisplayOrientation = 'portrait' | 'landscape' | 'portrait-flipped' | 'landscape-flipped';

/** A configured screen as the renderer learns it (kiosk-config `displays[]`). */
export interface DisplayGeometry {
  orientation: DisplayOrientation;
  widthMm?: number;
  heightMm?: number;
  /** The bottom edge of the visible area, above the floor. */
  mountHeightMm?: number;
}

/**
 * The visible height in mm as the content stands. Configs give the panel's size either as
 * mounted or as the panel's own (landscape) sides, so the taller side is the height in portrait
 * and the shorter one in landscape: screens are never square enough for that to be ambiguous.
 */
export function verticalMm(display: DisplayGeometry, portrait: boolean): number | undefined {
  const { widthMm, heightMm } = display;
  if (widthMm === undefined || heightMm === undefined) return heightMm;
  return portrait ? Math.max(widthMm, heightMm) : Math.min(widthMm, heightMm);
}

/** How the band came out: `exact` within reach; the others are best efforts staff were warned of. */
export type ReachFit = 'exact' | 'cramped' | 'out-of-reach' | 'unknown';

export interface ReachBand {
  /** First CSS pixel row (from the top of the page) controls may use. */
  topPx: number;
  /** Row below the last one controls may use. */
  bottomPx: number;
  /** CSS pixels per mm of screen, when the geometry is known. */
  pxPerMm: number | null;
  fit: ReachFit;
}

export interface Viewport {
  width: number;
  height: number;
}

/** Height above the floor (mm) of a CSS pixel row, for tests and for the staff's view of a band. */
export function rowHeightMm(row: number, viewport: Viewport, display: DisplayGeometry): number | null {
  const vertical = verticalMm(display, viewport.height >= viewport.width);
  if (vertical === undefined || display.mountHeightMm === undefined) return null;
  return display.mountHeightMm + ((viewport.height - row) * vertical) / viewport.height;
}

/**
 * The rows of a `viewport`-sized page within reach on `display`. When the geometry is missing,
 * gives too little room, or lies wholly above or below the reach range, the band is the nearest
 * `MIN_BAND_PX` rows to it (never more than the page): the best a layout can do there.
 */
export function reachBand(display: DisplayGeometry, viewport: Viewport): ReachBand {
  const height = viewport.height;
  const minBand = Math.min(height, MIN_BAND_PX);
  const vertical = verticalMm(display, height >= viewport.width);
  const mount = display.mountHeightMm;
  if (vertical === undefined || mount === undefined) {
    const band = Math.max(minBand, height * UNKNOWN_GEOMETRY_FRACTION);
    return { topPx: height - band, bottomPx: height, pxPerMm: null, fit: 'unknown' };
  }
  const pxPerMm = height / vertical;
  // mm above the screen's bottom edge, clamped to the screen.
  const low = Math.min(vertical, Math.max(0, REACH_LOW_MM - mount));
  const high = Math.min(vertical, Math.max(0, REACH_HIGH_MM - mount));
  if (high <= low) {
    // The whole screen is above the range (its bottom edge is higher than 1220 mm) or below it.
    const tooHigh = mount >= REACH_HIGH_MM;
    return tooHigh
      ? { topPx: height - minBand, bottomPx: height, pxPerMm, fit: 'out-of-reach' }
      : { topPx: 0, bottomPx: minBand, pxPerMm, fit: 'out-of-reach' };
  }
  const topPx = height - high * pxPerMm;
  const bottomPx = height - low * pxPerMm;
  if (bottomPx - topPx >= minBand) return { topPx, bottomPx, pxPerMm, fit: 'exact' };
  // Too short to lay a screen out in: grow it evenly about its middle, kept on the page.
  const middle = (topPx + bottomPx) / 2;
  const top = Math.min(height - minBand, Math.max(0, middle - minBand / 2));
  return { topPx: top, bottomPx: top + minBand, pxPerMm, fit: 'cramped' };
}

const mm = (value: number): string => `${String(Math.round(value))} mm`;

/**
 * What staff should know about a display's reach band, or null when it is fine. `where` names
 * the display in the config ("displays[0]"), so the message says which entry to fix.
 */
export function reachProblem(display: DisplayGeometry, where: string): string | null {
  const portrait = display.orientation.startsWith('portrait');
  const vertical = verticalMm(display, portrait);
  const mount = display.mountHeightMm;
  if (vertical === undefined || mount === undefined) {
    const missing = [vertical === undefined ? 'heightMm' : null, mount === undefined ? 'mountHeightMm' : null]
      .filter((name) => name !== null)
      .join(' and ');
    return `${where}: low-reach mode cannot measure this screen without ${missing}; it uses the lower ${String(UNKNOWN_GEOMETRY_FRACTION * 100)}% of the screen, which may be out of reach (ADA §308: ${mm(REACH_LOW_MM)} to ${mm(REACH_HIGH_MM)} above the floor)`;
  }
  const top = mount + vertical;
  const span = Math.min(top, REACH_HIGH_MM) - Math.max(mount, REACH_LOW_MM);
  if (mount >= REACH_HIGH_MM || top <= REACH_LOW_MM) {
    return `${where}: the screen spans ${mm(mount)} to ${mm(top)} above the floor, wholly outside the reach range of ${mm(REACH_LOW_MM)} to ${mm(REACH_HIGH_MM)} (ADA §308); low-reach mode puts the controls as close to it as it can`;
  }
  if (span < Math.min(MIN_REACH_SPAN_MM, vertical)) {
    return `${where}: only ${mm(span)} of the screen (${mm(mount)} to ${mm(top)} above the floor) is within reach (${mm(REACH_LOW_MM)} to ${mm(REACH_HIGH_MM)}, ADA §308); low-reach mode needs about ${mm(MIN_REACH_SPAN_MM)} and lets some controls out of reach`;
  }
  return null;
}
