/**
 * The shop window's pure parts: sizes from the display's geometry (EN 301 549 letter height,
 * QR code width and quiet zone), the spotlight loop, and opening hours in words.
 */
import { describe, expect, it } from 'vitest';
import type { AttractSlide, StoreHoursView } from '../../../shared/bridge/contract.js';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { intlLocale, nextOpening, weekLines } from '../../../renderer/src/window/hours-text.js';
import {
  capHeightMm,
  fontPxForDistance,
  pxPerMm,
  qrLayout,
  windowSizes,
} from '../../../renderer/src/window/sizing.js';
import { productToOpen, spotlightSlides } from '../../../renderer/src/window/slides.js';

const PANEL_55 = { widthMm: 1210, heightMm: 680 };
const PANEL_32 = { widthMm: 708, heightMm: 398 };

describe('window sizes from the display geometry', () => {
  it('pixels per mm match the long side to the long side, however the panel is turned', () => {
    const landscape = pxPerMm({ width: 1920, height: 1080 }, PANEL_55);
    expect(landscape).toBeCloseTo(1920 / 1210, 10);
    expect(pxPerMm({ width: 1080, height: 1920 }, PANEL_55)).toBe(landscape);
    expect(pxPerMm({ width: 1080, height: 1920 }, { widthMm: 680, heightMm: 1210 })).toBe(landscape);
  });

  it('a capital subtending 0.7° is about 12 mm at 1 m and 37 mm at 3 m (EN 301 549 5.1.4)', () => {
    expect(capHeightMm(1000)).toBeCloseTo(12.22, 2);
    expect(capHeightMm(3000)).toBeCloseTo(36.65, 2);
    expect(capHeightMm(3000, 1)).toBeCloseTo(52.36, 2);
  });

  it('the font size is the smallest whole pixel size whose capitals reach the height', () => {
    const mmToPx = 1920 / 1210;
    for (const capRatio of [0.66, 0.7, 0.729, 0.75]) {
      const font = fontPxForDistance(3000, mmToPx, capRatio);
      expect((font * capRatio) / mmToPx).toBeGreaterThanOrEqual(capHeightMm(3000));
      expect(((font - 1) * capRatio) / mmToPx).toBeLessThan(capHeightMm(3000));
    }
    // The same text needs more pixels on a smaller panel with the same pixel count.
    const big = windowSizes({ width: 1920, height: 1080 }, PANEL_55, 0.7);
    const small = windowSizes({ width: 1920, height: 1080 }, PANEL_32, 0.7);
    expect(small.ctaPx).toBeGreaterThan(big.ctaPx);
    expect(big.ctaPx).toBe(Math.ceil((capHeightMm(3000) * (1920 / 1210)) / 0.7));
    // Text at the glass never drops below the kiosk's body size.
    expect(windowSizes({ width: 1920, height: 1080 }, { widthMm: 3000, heightMm: 1688 }, 0.7).nearPx).toBe(
      26,
    );
  });

  it('a QR code is a tenth of the distance wide, in whole-pixel modules, with a 4-module quiet zone', () => {
    const mmToPx = 1920 / 1210;
    const layout = qrLayout({ modules: 33, distanceMm: 3000, mmToPx, maxSidePx: 648 });
    // 300 mm is 476 px: 14.4 px per module, rounded up to 15.
    expect(layout).toMatchObject({ modulePx: 15, symbolPx: 495, sidePx: 15 * (33 + 8) });
    expect(layout.symbolPx / mmToPx).toBeGreaterThanOrEqual(300);
    expect(layout.readableFromMm).toBeGreaterThanOrEqual(3000);
    // Without room for 3 m it is as big as fits, and says how far that reaches.
    const cramped = qrLayout({ modules: 33, distanceMm: 3000, mmToPx, maxSidePx: 400 });
    expect(cramped).toMatchObject({ modulePx: 9, sidePx: 369 });
    expect(cramped.readableFromMm).toBeCloseTo(((9 * 33) / mmToPx) * 10, 6);
    expect(cramped.readableFromMm).toBeLessThan(3000);
    // A denser panel needs fewer pixels per module for the same millimetres.
    expect(qrLayout({ modules: 33, distanceMm: 1000, mmToPx, maxSidePx: 648 }).modulePx).toBe(5);
    expect(qrLayout({ modules: 25, distanceMm: 3000, mmToPx, maxSidePx: 2000, quietZone: 2 }).sidePx).toBe(
      20 * (25 + 4),
    );
  });
});

const hit = (id: string): SearchHit =>
  ({ id, title: `Product ${id}`, colors: [], sizes: [] }) as unknown as SearchHit;

describe('spotlight loop', () => {
  it('plays the playlist, then featured products not already in it; a model slide shows its product', () => {
    const attract: AttractSlide[] = [
      { kind: 'video', src: '/media/attract/0' },
      { kind: 'model', src: '/media/attract/1', product: hit('A'), durationSeconds: 20 },
      { kind: 'model', src: '/media/attract/2' },
      { kind: 'image', src: '/media/attract/3', durationSeconds: 5 },
    ];
    const slides = spotlightSlides(attract, [hit('A'), hit('B'), hit('C')]);
    expect(
      slides.map((s) =>
        s.kind === 'product'
          ? `product ${s.product.id} ${String(s.seconds)}`
          : `${s.kind} ${String(s.seconds)}`,
      ),
    ).toEqual(['video undefined', 'product A 20', 'image 5', 'product B 8', 'product C 8']);
    // A touch on the film opens the next product; on a product, that product.
    expect(productToOpen(slides, 0)?.id).toBe('A');
    expect(productToOpen(slides, 2)?.id).toBe('B');
    expect(productToOpen(slides, 4)?.id).toBe('C');
    expect(productToOpen(spotlightSlides([{ kind: 'image', src: '/x' }], []), 0)).toBeUndefined();
  });
});

const hours = (over: Partial<StoreHoursView>): StoreHoursView => ({
  timeZone: 'Europe/Berlin',
  open: false,
  closesAt: null,
  nextOpen: null,
  days: [],
  ...over,
});

describe('opening hours in words', () => {
  // Sunday 1 March 2026, 22:00 in Berlin.
  const now = new Date('2026-03-01T21:00:00Z');

  it('says today, tomorrow, the weekday within a week, else the date — by the store’s calendar', () => {
    expect(nextOpening(hours({ nextOpen: '2026-03-02T09:00:00Z' }), now, 'en-GB')).toEqual({
      kind: 'tomorrow',
      time: '10:00',
    });
    // 23:30 UTC is already Monday in Berlin: an opening at 10:00 that Monday is "today" there.
    expect(
      nextOpening(hours({ nextOpen: '2026-03-02T09:00:00Z' }), new Date('2026-03-01T23:30:00Z'), 'en-GB'),
    ).toMatchObject({ kind: 'today' });
    expect(nextOpening(hours({ nextOpen: '2026-03-04T08:30:00Z' }), now, 'de-DE')).toEqual({
      kind: 'weekday',
      time: '9:30',
      day: 'Mittwoch',
    });
    expect(nextOpening(hours({ nextOpen: '2026-03-12T09:00:00Z' }), now, 'en-GB')).toEqual({
      kind: 'date',
      time: '10:00',
      day: 'Thursday 12 March',
    });
    expect(nextOpening(hours({ nextOpen: '2026-03-02T09:00:00Z' }), now, 'en-US')?.time).toBe('10:00 AM');
    expect(nextOpening(hours({}), now, 'en-GB')).toBeNull();
  });

  it('formats with the config’s region while its language is read, and the chosen language after', () => {
    expect(intlLocale('de', 'de-CH')).toBe('de-CH');
    expect(intlLocale('de-DE', 'de-CH')).toBe('de-CH');
    expect(intlLocale('fr', 'de-CH')).toBe('fr');
    expect(intlLocale(undefined, 'en-GB')).toBe('en-GB');
    expect(intlLocale('cimode', 'en-GB')).toBe('en-GB');
  });

  it('lists the week as written, even across a daylight-saving change, with midnight as 24:00', () => {
    const week = hours({
      days: [
        { date: '2026-03-28', intervals: [{ open: '09:30', close: '20:00' }] },
        // 29 March 2026: clocks go forward in Berlin; the hours on the door do not move.
        { date: '2026-03-29', intervals: [] },
        {
          date: '2026-03-30',
          intervals: [
            { open: '10:00', close: '14:00' },
            { open: '15:00', close: '24:00' },
          ],
        },
      ],
    });
    expect(weekLines(week, 'en-GB')).toEqual([
      { date: '2026-03-28', day: 'Saturday', spans: ['9:30–20:00'], allDay: false },
      { date: '2026-03-29', day: 'Sunday', spans: [], allDay: false },
      { date: '2026-03-30', day: 'Monday', spans: ['10:00–14:00', '15:00–24:00'], allDay: false },
    ]);
    const always = hours({ days: [{ date: '2026-03-29', intervals: [{ open: '00:00', close: '24:00' }] }] });
    expect(weekLines(always, 'en-GB')[0]?.allDay).toBe(true);
    expect(weekLines(week, 'en-US')[2]?.spans[1]).toMatch(/^3:00\sPM–12:00\sAM$/);
  });
});
