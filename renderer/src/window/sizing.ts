/**
 * Sizes for a passer-by behind glass, computed from the screen's physical size rather than
 * guessed in pixels: the same 1920-pixel picture is 1.2 m wide on a 55" window and 0.7 m on a
 * 32" one, so "readable from 3 m" is a different number of pixels on each.
 *
 * - Text: EN 301 549 5.1.4 asks for a capital H subtending at least 0.7° at the reading distance
 *   (≈12 mm at 1 m, ≈37 mm at 3 m).
 * - QR codes: a code scans from about ten times its width (the usual print rule), and needs a
 *   light quiet zone of four modules around it (ISO/IEC 18004).
 */

/** The visible size of the screen in mm, as the config's `displays[]` gives it. */
export interface DisplayMm {
  widthMm: number;
  heightMm: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** EN 301 549 5.1.4: minimum visual angle of a capital letter. */
export const MIN_CAP_ANGLE_DEG = 0.7;
/** How far from the glass people read the window: the call to action must work from the far end. */
export const NEAR_MM = 1000;
export const FAR_MM = 3000;
/** A code scans from about ten times its width. */
export const QR_DISTANCE_PER_WIDTH = 10;
export const QR_QUIET_ZONE_MODULES = 4;
/** Smallest touch target behind a foil (DESIGN.md, UI craft). */
export const WINDOW_TARGET_PX = 96;
/**
 * A config without the screen's mm: a 55" 16:9 panel, the common size of window displays, so
 * sizes stay plausible until the technician enters the real ones.
 */
export const DEFAULT_DISPLAY: DisplayMm = { widthMm: 1218, heightMm: 685 };

/**
 * CSS pixels per mm of glass. The config gives the panel's size and the page its pixels, which
 * may be turned (a portrait window is a landscape panel rotated): matching the long side to the
 * long side holds either way, as pixels are square.
 */
export function pxPerMm(viewport: Viewport, display: DisplayMm): number {
  return Math.max(viewport.width, viewport.height) / Math.max(display.widthMm, display.heightMm);
}

/** Height of a capital letter that subtends `angleDeg` at `distanceMm`. */
export function capHeightMm(distanceMm: number, angleDeg = MIN_CAP_ANGLE_DEG): number {
  return 2 * distanceMm * Math.tan((angleDeg * Math.PI) / 360);
}

/**
 * The font size (px) whose capitals are readable at `distanceMm`. `capRatio` is the font's cap
 * height over its size (about 0.7 for most sans faces), measured from the font in use.
 */
export function fontPxForDistance(distanceMm: number, mmToPx: number, capRatio: number): number {
  return Math.ceil((capHeightMm(distanceMm) * mmToPx) / capRatio);
}

export interface QrLayout {
  /** Pixels per module: whole pixels, so every module is drawn crisp. */
  modulePx: number;
  /** The whole image, quiet zone included. */
  sidePx: number;
  /** The code without its quiet zone. */
  symbolPx: number;
  /** The farthest distance it scans from at this size (mm). */
  readableFromMm: number;
}

/**
 * A QR code of `modules` modules (without quiet zone) that scans from `distanceMm`, no larger
 * than `maxSidePx` with its quiet zone: when the screen is too small for the distance, the code
 * is as large as it can be and `readableFromMm` says how far that reaches.
 */
export function qrLayout(options: {
  modules: number;
  distanceMm: number;
  mmToPx: number;
  maxSidePx: number;
  quietZone?: number;
}): QrLayout {
  const quiet = options.quietZone ?? QR_QUIET_ZONE_MODULES;
  const wanted = ((options.distanceMm / QR_DISTANCE_PER_WIDTH) * options.mmToPx) / options.modules;
  const fits = Math.floor(options.maxSidePx / (options.modules + 2 * quiet));
  const modulePx = Math.max(1, Math.min(Math.ceil(wanted), fits));
  const symbolPx = modulePx * options.modules;
  return {
    modulePx,
    symbolPx,
    sidePx: modulePx * (options.modules + 2 * quiet),
    readableFromMm: (symbolPx / options.mmToPx) * QR_DISTANCE_PER_WIDTH,
  };
}

export interface WindowSizes {
  mmToPx: number;
  /** The call to action, readable from FAR_MM. */
  ctaPx: number;
  /** Text a passer-by reads at the glass. */
  nearPx: number;
  /** The largest QR side the layout gives room to. */
  qrMaxPx: number;
}

/** Every size the window's layout needs, for a viewport on a display. */
export function windowSizes(viewport: Viewport, display: DisplayMm, capRatio: number): WindowSizes {
  const mmToPx = pxPerMm(viewport, display);
  return {
    mmToPx,
    ctaPx: fontPxForDistance(FAR_MM, mmToPx, capRatio),
    nearPx: Math.max(26, fontPxForDistance(NEAR_MM, mmToPx, capRatio)),
    // The product screen keeps the code beside the product in landscape and under it in
    // portrait; beyond 60% of the short side there is no room left for the product.
    qrMaxPx: Math.floor(Math.min(viewport.width, viewport.height) * 0.6),
  };
}
