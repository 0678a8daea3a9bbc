/**
 * The report decoders on byte-exact reports: HID POS scanned data reports (usage page 0x8C), boot
 * keyboard reports (Keyboard/Keypad page 0x07), magnetic stripe reports (page 0x8E).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BootKeyboardDecoder,
  reportsFor,
  type Keystroke,
} from '../../../../../main/runtime/devices/keyboard.js';
import { decodeMsrReport, msrReportFor } from '../../../../../main/runtime/devices/msr.js';
import {
  HID_POS_STANDARD,
  PosScanDecoder,
  posLayoutFor,
  posReportsFor,
} from '../../../../../main/runtime/devices/pos-scanner.js';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A 64-byte HID POS report written out by hand: id, length, AIM, data, flags. */
function posReport(data: string, aim: string, more: boolean): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  r.set(ascii(aim), 2);
  r.set(ascii(data), 5);
  r[61] = 0x64; // Honeywell code id "d" (EAN-13)
  r[63] = more ? 1 : 0;
  return r;
}

describe('HID POS scanned data reports', () => {
  it('decode one report: data by its length, AIM id, vendor code; zero padding ignored', () => {
    const d = new PosScanDecoder();
    expect(d.decode(posReport('4006381333931', ']E0', false))).toEqual({
      text: '4006381333931',
      aim: ']E0',
      vendorCode: 0x64,
    });
  });

  it('join a scan spread over several reports', () => {
    const d = new PosScanDecoder();
    const url = 'https://id.example.com/01/04006381333931/10/ABC123/21/XYZ?17=270131&more=padding-to-exceed';
    expect(url.length).toBeGreaterThan(56);
    expect(d.decode(posReport(url.slice(0, 56), ']Q1', true))).toBeNull();
    expect(d.decode(posReport(url.slice(56), '\0\0\0', false))).toEqual({
      text: url,
      aim: ']Q1',
      vendorCode: 0x64,
    });
  });

  it('keep GS separators of GS1 element strings, and read UTF-8', () => {
    const d = new PosScanDecoder();
    const [report] = posReportsFor(ascii('0104006381333931\x1d10LOT7'), ']C1');
    expect(d.decode(report!)).toMatchObject({ text: '0104006381333931\x1d10LOT7', aim: ']C1' });
    const [utf8] = posReportsFor(new TextEncoder().encode('Größe'), null);
    expect(d.decode(utf8!)).toMatchObject({ text: 'Größe', aim: null });
  });

  it('count garbage and drop the scan in progress: bad length, bad AIM, short report', () => {
    const d = new PosScanDecoder();
    const tooLong = posReport('123', ']E0', false);
    tooLong[1] = 60;
    expect(d.decode(tooLong)).toBeNull();
    expect(d.decode(posReport('123', 'XYZ', false))).toBeNull();
    expect(d.decode(Uint8Array.of(0x02, 3))).toBeNull();
    expect(d.garbage).toBe(3);
    // A fragment, then garbage: the fragment is not glued to the next scan.
    d.decode(posReport('AAAA', ']E0', true));
    d.decode(Uint8Array.of(0x02, 200, 0, 0, 0));
    expect(d.decode(posReport('12345670', ']E4', false))?.text).toBe('12345670');
  });

  it('ignore other report ids, and empty scans', () => {
    const d = new PosScanDecoder();
    const other = posReport('1234', ']E0', false);
    other[0] = 0x04;
    expect(d.decode(other)).toBeNull();
    expect(d.decode(posReport('', '\0\0\0', false))).toBeNull();
    expect(d.garbage).toBe(0);
  });

  it('read Honeywell’s vendor page with 61-byte reports, one scan per report', () => {
    const layout = posLayoutFor(0x0c2e, 0xff8c);
    expect(layout.size).toBe(61);
    expect(layout.enableFeatureReport).toEqual([0xfe, 0x01]);
    const d = new PosScanDecoder(layout);
    const [report] = posReportsFor(ascii('036000291452'), ']E0', layout);
    expect(report).toHaveLength(61);
    expect(d.decode(report!)?.text).toBe('036000291452');
    expect(posLayoutFor(0x05e0, 0x8c)).toBe(HID_POS_STANDARD);
  });
});

const chars = (keys: Keystroke[]): string =>
  keys
    .map((k) => (k.kind === 'char' ? k.char : k.kind === 'enter' ? '⏎' : k.kind === 'tab' ? '⇥' : '?'))
    .join('');

function typeReports(reports: Uint8Array[], layout: 'us' | 'de'): string {
  const d = new BootKeyboardDecoder(layout);
  return chars(reports.flatMap((r) => d.decode(r)));
}

describe('boot keyboard reports', () => {
  it('decode letters, digits and Shift (US), key-ups between', () => {
    // "A" = LeftShift + 0x04, key up; "b"; "1"; "!" = Shift + 0x1E; Enter.
    const reports = [
      [0x02, 0, 0x04, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x05, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x1e, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0x20, 0, 0x1e, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0x28, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ].map((r) => Uint8Array.from(r));
    expect(typeReports(reports, 'us')).toBe('Ab1!⏎');
  });

  it('decode the German layout: Y/Z swapped, umlauts, AltGr @', () => {
    const reports = [
      [0, 0, 0x1c, 0, 0, 0, 0, 0], // z on QWERTZ
      [0, 0, 0x1d, 0, 0, 0, 0, 0], // y (0x1C released, 0x1D pressed)
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0x40, 0, 0x14, 0, 0, 0, 0, 0], // AltGr+Q
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0x02, 0, 0x34, 0, 0, 0, 0, 0], // Ä
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0x02, 0, 0x24, 0, 0, 0, 0, 0], // Shift+7 = /
    ].map((r) => Uint8Array.from(r));
    expect(typeReports(reports, 'de')).toBe('zy@Ä/');
    expect(typeReports(reportsFor('https://x.de/01/4006381333931?a=b', 'de'), 'de')).toBe(
      'https://x.de/01/4006381333931?a=b',
    );
    expect(typeReports(reportsFor('Zebra_yes-1;2:"', 'us'), 'us')).toBe('Zebra_yes-1;2:"');
  });

  it('press a key held over several reports once; ignore rollover; strip a report id; count garbage', () => {
    const d = new BootKeyboardDecoder('us');
    const held = Uint8Array.of(0, 0, 0x04, 0, 0, 0, 0, 0);
    expect(
      chars([...d.decode(held), ...d.decode(held), ...d.decode(Uint8Array.of(0, 0, 0x04, 0x05, 0, 0, 0, 0))]),
    ).toBe('ab');
    expect(d.decode(Uint8Array.of(0, 0, 1, 1, 1, 1, 1, 1))).toEqual([]);
    expect(chars(d.decode(Uint8Array.of(1, 0, 0, 0x06, 0, 0, 0, 0, 0)))).toBe('c');
    expect(d.decode(Uint8Array.of(0, 0, 0x07))).toEqual([]);
    expect(d.garbage).toBe(1);
    d.decode(new Uint8Array(8));
    expect(d.decode(Uint8Array.of(0x01, 0, 0x06, 0, 0, 0, 0, 0))).toEqual([{ kind: 'other', usage: 0x06 }]); // Ctrl+C
  });
});

describe('magnetic stripe reports', () => {
  it('decode the tracks a reader sends, by status and length', () => {
    const report = msrReportFor(['B6012345678901^MEMBER/ADA^2912', '6012345678901=2912', '']);
    expect(report).toHaveLength(337);
    const decoded = decodeMsrReport(report);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(String.fromCharCode(...decoded.tracks[1])).toBe('6012345678901=2912');
    expect(decoded.tracks[2]).toHaveLength(0);
  });

  it('refuse short reports, bad lengths and reports with no decoded track', () => {
    expect(decodeMsrReport(new Uint8Array(20))).toEqual({ ok: false, reason: 'short report' });
    const bad = msrReportFor(['X']);
    bad[3] = 200;
    expect(decodeMsrReport(bad)).toEqual({ ok: false, reason: 'bad length' });
    expect(decodeMsrReport(msrReportFor(['', '', '']))).toEqual({ ok: false, reason: 'no track decoded' });
  });
});

describe('every decoder on random bytes (100,000 reports each)', () => {
  const report = fc.uint8Array({ minLength: 0, maxLength: 400 });
  it('HID POS: no exception, never a scan longer than what came in', () => {
    const d = new PosScanDecoder();
    let bytesIn = 0;
    fc.assert(
      fc.property(report, (r) => {
        bytesIn += r.length;
        const scan = d.decode(r);
        if (scan !== null) expect(scan.text.length).toBeLessThanOrEqual(bytesIn);
      }),
      { numRuns: 100_000 },
    );
  });

  it('HID POS: random streams that look like reports (right id, any length byte)', () => {
    const d = new PosScanDecoder();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.boolean(), (r, id) => {
        if (id) r[0] = 0x02;
        d.decode(r);
      }),
      { numRuns: 100_000 },
    );
  });

  it('boot keyboard (US and DE): no exception, only keystrokes out', () => {
    const us = new BootKeyboardDecoder('us');
    const de = new BootKeyboardDecoder('de');
    fc.assert(
      fc.property(fc.oneof(report, fc.uint8Array({ minLength: 8, maxLength: 8 })), (r) => {
        const kinds = new Set([...us.decode(r), ...de.decode(r)].map((key) => key.kind));
        return [...kinds].every((kind) => ['char', 'enter', 'tab', 'other'].includes(kind));
      }),
      { numRuns: 100_000 },
    );
  });

  it('magnetic stripe: no exception', () => {
    fc.assert(
      fc.property(fc.oneof(report, fc.uint8Array({ minLength: 337, maxLength: 337 })), (r) => {
        const decoded = decodeMsrReport(r);
        if (decoded.ok) for (const t of decoded.tracks) expect(t.length).toBeLessThanOrEqual(110);
      }),
      { numRuns: 100_000 },
    );
  });
});
