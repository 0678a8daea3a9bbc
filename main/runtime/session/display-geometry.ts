/** The physical size of the screen the page fills, for sizes a passer-by reads from metres away. */
import type { KioskConfig } from '../../../kiosk-config/index.js';

/**
 * The first configured display that shows this device's mode and gives both its width and
 * height in mm; undefined when none does (the page then assumes a typical screen). A display
 * without a `role` shows the device's `mode` (kiosk-config/schema-device.ts).
 */
export function displayGeometry(config: KioskConfig): { widthMm: number; heightMm: number } | undefined {
  for (const display of config.displays) {
    if ((display.role ?? config.mode) !== config.mode) continue;
    if (display.widthMm !== undefined && display.heightMm !== undefined)
      return { widthMm: display.widthMm, heightMm: display.heightMm };
  }
  return undefined;
}
