/**
 * Which system display each configured display is: the config names a screen by index (0 = the
 * primary) or by the id or label the system reports (kiosk-config/schema-device.ts). One box can
 * drive a kiosk and a shop window, so every configured display that is present gets a window.
 */
import type { Display } from 'electron';
import type { DisplayConfig } from '../../kiosk-config/index.js';

export type SystemDisplay = Pick<Display, 'id' | 'label' | 'bounds' | 'rotation'>;

export interface PlacedDisplay {
  /** Index in the config's `displays`. */
  index: number;
  config: DisplayConfig;
  display: SystemDisplay;
}

export interface DisplayPlan {
  placed: PlacedDisplay[];
  /** Configured displays without a window, and other things a technician should fix. */
  problems: string[];
}

/**
 * The system's displays in the order config indexes count them: the primary first, then the rest
 * left to right, top to bottom. Electron's own list has no stable order across platforms.
 */
export function indexOrder<D extends SystemDisplay>(displays: readonly D[], primaryId: number): D[] {
  const primary = displays.filter((display) => display.id === primaryId);
  const others = displays
    .filter((display) => display.id !== primaryId)
    .sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  return [...primary, ...others];
}

function describe(display: SystemDisplay): string {
  const { width, height } = display.bounds;
  return `${display.label === '' ? `display ${String(display.id)}` : `"${display.label}"`} (${String(width)}×${String(height)})`;
}

export function planDisplays(
  configured: readonly DisplayConfig[],
  displays: readonly SystemDisplay[],
  primaryId: number,
): DisplayPlan {
  const ordered = indexOrder(displays, primaryId);
  const taken = new Map<number, number>();
  const placed: PlacedDisplay[] = [];
  const problems: string[] = [];

  configured.forEach((config, index) => {
    const where = `displays[${String(index)}]`;
    const display =
      typeof config.screen === 'number'
        ? ordered[config.screen]
        : ordered.find((d) => String(d.id) === config.screen || d.label === config.screen);
    if (display === undefined) {
      const known = ordered.map((d, i) => `${String(i)}: ${describe(d)} id ${String(d.id)}`).join('; ');
      problems.push(`${where}: screen ${JSON.stringify(config.screen)} is not connected (present: ${known})`);
      return;
    }
    const earlier = taken.get(display.id);
    if (earlier !== undefined) {
      problems.push(
        `${where}: screen ${JSON.stringify(config.screen)} is ${describe(display)}, already used by displays[${String(earlier)}]`,
      );
      return;
    }
    taken.set(display.id, index);
    placed.push({ index, config, display });
    // Electron cannot turn its output; a portrait kiosk needs the system to rotate the screen.
    const portrait = config.orientation.startsWith('portrait');
    const { width, height } = display.bounds;
    if (portrait !== height > width) {
      problems.push(
        `${where}: configured ${config.orientation}, but ${describe(display)} is ${height > width ? 'portrait' : 'landscape'}; rotate it in the system's display settings (wlr-randr or xrandr --rotate)`,
      );
    }
  });

  // A kiosk that shows nothing helps nobody: with no configured screen present, the first
  // configured display goes on the primary screen (and the problem above says why).
  const first = configured[0];
  const primary = ordered[0];
  if (placed.length === 0 && first !== undefined && primary !== undefined) {
    placed.push({ index: 0, config: first, display: primary });
    problems.push(`no configured screen is connected: displays[0] is shown on the primary screen`);
  }
  return { placed, problems };
}
