/**
 * kiosk.info's accessibility part from a real parsed config: the starting settings, the screen
 * the page runs on, and the warning staff see when low-reach mode cannot keep controls in reach.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigValue, type KioskConfig } from '../../../../../kiosk-config/index.js';
import {
  accessibilityInfo,
  warnReachProblems,
} from '../../../../../main/runtime/session/accessibility-info.js';
import { minimalConfig } from '../../../kiosk-config/config-fixture.js';

function config(extra: Record<string, unknown>): KioskConfig {
  const parsed = parseConfigValue({ ...minimalConfig(), ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

function warnings(of: KioskConfig): string[] {
  const messages: string[] = [];
  warnReachProblems(of, { warn: (_details, message) => messages.push(message) });
  return messages;
}

describe('accessibility info', () => {
  it('passes the starting settings and the geometry of the first screen showing this mode', () => {
    const info = accessibilityInfo(
      config({
        accessibility: { lowReach: true, textScale: 1.5, volume: 0.4 },
        displays: [
          { screen: 1, role: 'window', widthMm: 1600, heightMm: 900, mountHeightMm: 200 },
          { screen: 0, orientation: 'portrait', widthMm: 680, heightMm: 1210, mountHeightMm: 300 },
        ],
      }),
    );
    expect(info).toEqual({
      lowReach: true,
      highContrast: false,
      textScale: 1.5,
      speech: false,
      volume: 0.4,
      display: { orientation: 'portrait', widthMm: 680, heightMm: 1210, mountHeightMm: 300 },
    });
  });

  it('without displays in the config: the default screen, with nothing to measure', () => {
    expect(accessibilityInfo(config({})).display).toEqual({ orientation: 'landscape' });
  });

  it('warns staff about a screen out of reach or without a geometry, and not about a good one', () => {
    const good = { screen: 0, orientation: 'portrait', widthMm: 680, heightMm: 1210, mountHeightMm: 300 };
    expect(warnings(config({ displays: [good] }))).toEqual([]);
    expect(warnings(config({ displays: [{ ...good, mountHeightMm: 1250 }] }))).toEqual([
      'displays[0]: the screen spans 1250 mm to 2460 mm above the floor, wholly outside the reach range of 380 mm to 1220 mm (ADA §308); low-reach mode puts the controls as close to it as it can',
    ]);
    expect(warnings(config({}))[0]).toMatch(
      /^displays\[0\]: low-reach mode cannot measure this screen without heightMm and mountHeightMm/,
    );
  });
});
