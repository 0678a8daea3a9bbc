/**
 * The low-reach band (ADA §308: 380-1220 mm above the floor) in CSS pixel rows, for a few
 * mounted screens, and what staff are told when a screen's geometry cannot give one.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_BAND_PX,
  reachBand,
  reachProblem,
  rowHeightMm,
  type DisplayGeometry,
} from '../../../../shared/accessibility/reach.js';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
/** A 55" panel turned to portrait, its bottom edge 300 mm above the floor. */
const KIOSK: DisplayGeometry = { orientation: 'portrait', widthMm: 680, heightMm: 1210, mountHeightMm: 300 };

describe('reachBand', () => {
  it('a portrait kiosk: the rows between 1220 and 380 mm above the floor', () => {
    const band = reachBand(KIOSK, PORTRAIT);
    const pxPerMm = 1920 / 1210;
    expect(band.fit).toBe('exact');
    expect(band.pxPerMm).toBeCloseTo(pxPerMm, 9);
    // 1220 mm is 920 mm above the screen's bottom edge, 380 mm is 80 mm above it.
    expect(band.topPx).toBeCloseTo(1920 - 920 * pxPerMm, 6);
    expect(band.bottomPx).toBeCloseTo(1920 - 80 * pxPerMm, 6);
    expect(band.topPx).toBeCloseTo(460.17, 2);
    expect(band.bottomPx).toBeCloseTo(1793.06, 2);
    expect(rowHeightMm(band.topPx, PORTRAIT, KIOSK)).toBeCloseTo(1220, 6);
    expect(rowHeightMm(band.bottomPx, PORTRAIT, KIOSK)).toBeCloseTo(380, 6);
  });

  it('takes the panel sides either way round: the long side is the height in portrait', () => {
    const asPanel = { ...KIOSK, widthMm: 1210, heightMm: 680 };
    expect(reachBand(asPanel, PORTRAIT)).toEqual(reachBand(KIOSK, PORTRAIT));
  });

  it('the same panel in landscape: its top edge (980 mm) is within reach, its bottom 80 mm is not', () => {
    const band = reachBand({ ...KIOSK, orientation: 'landscape' }, LANDSCAPE);
    expect(band.fit).toBe('exact');
    expect(band.topPx).toBe(0);
    expect(band.bottomPx).toBeCloseTo(1080 - (80 * 1080) / 680, 6);
  });

  it('a screen wholly in reach gives the whole page', () => {
    const band = reachBand({ orientation: 'landscape', heightMm: 500, mountHeightMm: 600 }, LANDSCAPE);
    expect(band).toMatchObject({ topPx: 0, bottomPx: 1080, fit: 'exact' });
  });

  it('a screen mounted above reach: the lowest rows, as many as a layout needs', () => {
    const band = reachBand({ ...KIOSK, mountHeightMm: 1300 }, PORTRAIT);
    expect(band).toMatchObject({ topPx: 1920 - MIN_BAND_PX, bottomPx: 1920, fit: 'out-of-reach' });
  });

  it('a screen wholly below reach: the highest rows', () => {
    const band = reachBand({ orientation: 'landscape', heightMm: 300, mountHeightMm: 50 }, LANDSCAPE);
    expect(band).toMatchObject({ topPx: 0, bottomPx: MIN_BAND_PX, fit: 'out-of-reach' });
  });

  it('too little of the screen in reach: grown to a usable band about it, kept on the page', () => {
    // Bottom edge at 1100 mm: only 120 mm (190 px) are in reach, at the very bottom.
    const band = reachBand({ ...KIOSK, mountHeightMm: 1100 }, PORTRAIT);
    expect(band).toMatchObject({ topPx: 1920 - MIN_BAND_PX, bottomPx: 1920, fit: 'cramped' });
    // On a 4 m tall wall the 840 mm in reach are 403 px: grown evenly both ways.
    const tall = reachBand({ orientation: 'portrait', heightMm: 4000, mountHeightMm: 0 }, PORTRAIT);
    expect(tall.fit).toBe('cramped');
    const reachMiddle = 1920 - ((380 + 1220) / 2) * (1920 / 4000);
    expect((tall.topPx + tall.bottomPx) / 2).toBeCloseTo(reachMiddle, 6);
    expect(tall.bottomPx - tall.topPx).toBe(MIN_BAND_PX);
  });

  it('without a geometry: the lower 60% of the page', () => {
    expect(reachBand({ orientation: 'portrait' }, PORTRAIT)).toMatchObject({
      topPx: 1920 * 0.4,
      bottomPx: 1920,
      pxPerMm: null,
      fit: 'unknown',
    });
    expect(rowHeightMm(100, PORTRAIT, { orientation: 'portrait', heightMm: 1210 })).toBeNull();
  });
});

describe('reachProblem', () => {
  it('says nothing about a screen that keeps controls in reach', () => {
    expect(reachProblem(KIOSK, 'displays[0]')).toBeNull();
  });

  it('names the missing fields of the config entry', () => {
    expect(reachProblem({ orientation: 'portrait', mountHeightMm: 700 }, 'displays[1]')).toBe(
      'displays[1]: low-reach mode cannot measure this screen without heightMm; it uses the lower 60% of the screen, which may be out of reach (ADA §308: 380 mm to 1220 mm above the floor)',
    );
    expect(reachProblem({ orientation: 'portrait' }, 'displays[0]')).toContain(
      'without heightMm and mountHeightMm',
    );
  });

  it('tells staff when the screen is out of reach or has too little in reach', () => {
    expect(reachProblem({ ...KIOSK, mountHeightMm: 1300 }, 'displays[0]')).toBe(
      'displays[0]: the screen spans 1300 mm to 2510 mm above the floor, wholly outside the reach range of 380 mm to 1220 mm (ADA §308); low-reach mode puts the controls as close to it as it can',
    );
    expect(reachProblem({ ...KIOSK, mountHeightMm: 1000 }, 'displays[0]')).toBe(
      'displays[0]: only 220 mm of the screen (1000 mm to 2210 mm above the floor) is within reach (380 mm to 1220 mm, ADA §308); low-reach mode needs about 380 mm and lets some controls out of reach',
    );
    // A small screen wholly in reach is fine however few millimetres it has.
    expect(
      reachProblem({ orientation: 'landscape', heightMm: 200, mountHeightMm: 800 }, 'displays[0]'),
    ).toBeNull();
  });
});
