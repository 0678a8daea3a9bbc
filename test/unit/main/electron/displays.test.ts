/**
 * Configured displays to system displays: by index (0 = primary, then left to right), by id or
 * label; a missing screen is reported and the kiosk still shows on the primary rather than nowhere;
 * and a window per display, also when screens come and go.
 */
import { describe, expect, it } from 'vitest';
import { planDisplays } from '../../../../main/electron/displays.js';
import type { DisplayConfig } from '../../../../kiosk-config/index.js';
import { fakeDisplay } from '../../../support/fake-electron.js';
import { useTempDir } from '../../../support/temp.js';
import { testConfig, useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

const right = fakeDisplay(7, { x: 1920, y: 0, width: 1080, height: 1920 }, 'DP-2');
const primary = fakeDisplay(3, { x: 0, y: 0, width: 1920, height: 1080 }, 'HDMI-1');
const left = fakeDisplay(9, { x: -1920, y: 0, width: 1920, height: 1080 }, 'DP-1');
const entry = (
  screen: number | string,
  orientation: DisplayConfig['orientation'] = 'landscape',
): DisplayConfig => ({
  screen,
  orientation,
});

describe('planDisplays', () => {
  it('counts the primary first, then left to right; also finds screens by id and label', () => {
    const plan = planDisplays([entry(0), entry(1), entry('DP-2', 'portrait')], [right, primary, left], 3);
    expect(plan.placed.map((p) => [p.index, p.display.id])).toEqual([
      [0, 3],
      [1, 9],
      [2, 7],
    ]);
    expect(plan.problems).toEqual([]);
    expect(planDisplays([entry('7', 'portrait')], [right, primary], 3).placed[0]?.display.id).toBe(7);
  });

  it('reports a missing or doubly used screen and a rotation the system must do', () => {
    const plan = planDisplays(
      [entry(0), entry('HDMI-1'), entry(2), entry(1, 'portrait')],
      [primary, left],
      3,
    );
    expect(plan.placed.map((p) => p.index)).toEqual([0, 3]);
    expect(plan.problems).toEqual([
      'displays[1]: screen "HDMI-1" is "HDMI-1" (1920×1080), already used by displays[0]',
      'displays[2]: screen 2 is not connected (present: 0: "HDMI-1" (1920×1080) id 3; 1: "DP-1" (1920×1080) id 9)',
      'displays[3]: configured portrait, but "DP-1" (1920×1080) is landscape; rotate it in the system\'s display settings (wlr-randr or xrandr --rotate)',
    ]);
  });

  it('puts the first configured display on the primary when none of them is connected', () => {
    const plan = planDisplays([entry(1)], [primary], 3);
    expect(plan.placed).toEqual([{ index: 0, config: entry(1), display: primary }]);
    expect(plan.problems.at(-1)).toBe(
      'no configured screen is connected: displays[0] is shown on the primary screen',
    );
  });
});

describe('windows per display', () => {
  it('opens one window per configured display present, and follows screens coming and going', async () => {
    const config = testConfig({ displays: [{ screen: 0 }, { screen: 1, role: 'window' }] });
    const { electron } = await startShell({ config, displays: [primary], primaryId: 3 });
    expect(electron.windows).toHaveLength(1);

    electron.displays = [primary, right];
    electron.screenEvents.emit('display-added', {}, right);
    expect(electron.windows).toHaveLength(2);
    expect(electron.windows[1]!.options).toMatchObject({ x: 1920, y: 0, width: 1080, height: 1920 });
    expect(electron.windows[1]!.webContents.loads).toEqual(['app://vitrine/index.html?display=1']);

    electron.displays = [primary];
    electron.screenEvents.emit('display-removed', {}, right);
    expect(electron.windows[1]!.destroyed).toBe(true);
    expect(electron.windows[0]!.destroyed).toBe(false);
  });
});
