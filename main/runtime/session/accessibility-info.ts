/**
 * The accessibility part of kiosk.info: the config's starting settings and the geometry of the
 * screen the page fills, for the renderer's low-reach layout; and, for staff, a log warning when
 * that geometry cannot keep controls within reach (shared/accessibility/reach.ts).
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { AccessibilityInfo } from '../../../shared/bridge/index.js';
import { reachProblem, type DisplayGeometry } from '../../../shared/accessibility/reach.js';
import type { SyncLog } from '../sync/index.js';

/**
 * The display the page runs on: the first one showing this device's mode (a display without a
 * `role` shows the device's `mode`), as session/display-geometry.ts picks it for window sizes.
 */
function pageDisplay(
  config: KioskConfig,
): { display: KioskConfig['displays'][number]; index: number } | null {
  const index = config.displays.findIndex((display) => (display.role ?? config.mode) === config.mode);
  const display = config.displays[index];
  return display === undefined ? null : { display, index };
}

function geometryOf(display: KioskConfig['displays'][number]): DisplayGeometry {
  const geometry: DisplayGeometry = { orientation: display.orientation };
  if (display.widthMm !== undefined) geometry.widthMm = display.widthMm;
  if (display.heightMm !== undefined) geometry.heightMm = display.heightMm;
  if (display.mountHeightMm !== undefined) geometry.mountHeightMm = display.mountHeightMm;
  return geometry;
}

export function accessibilityInfo(config: KioskConfig): AccessibilityInfo {
  const page = pageDisplay(config);
  return { ...config.accessibility, display: page === null ? null : geometryOf(page.display) };
}

/**
 * Tells staff (the log's warnings show in the staff panel) when low-reach mode cannot do its job
 * on this config's screen: a missing geometry, or a screen mounted out of reach. Called at start
 * and for every pushed config.
 */
export function warnReachProblems(config: KioskConfig, log: Pick<SyncLog, 'warn'>): void {
  const page = pageDisplay(config);
  if (page === null) return;
  const problem = reachProblem(geometryOf(page.display), `displays[${String(page.index)}]`);
  if (problem !== null) log.warn({ display: page.index }, problem);
}
