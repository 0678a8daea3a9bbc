/**
 * HID magnetic stripe readers (USB HID POS Usage Tables, Magnetic Stripe Reading page 0x8E:
 * usages 0x11-0x13 track lengths, 0x21-0x23 track data). The report's layout is the one MagTek
 * documents for its USB HID swipe readers, which others copy:
 *
 *   bytes 0-2      track 1-3 decode status (0 = decoded)
 *   bytes 3-5      track 1-3 data lengths
 *   byte 6         card encode type (0 ISO/ABA, 1 AAMVA, 3 blank, 4 other, 5 undetermined)
 *   bytes 7-116    track 1 data (110 bytes)
 *   bytes 117-226  track 2 data
 *   bytes 227-336  track 3 data
 *
 * preceded by a report id when the device numbers its reports. The tracks are views into the
 * report: the caller reads them (shared/cards) and then wipes the report, which holds a card
 * number in the clear.
 */

export interface MsrLayout {
  name: string;
  /** Bytes before the status bytes: 1 when the device prefixes a report id. */
  offset: number;
  trackSize: number;
}

export const MAGTEK_LAYOUT: MsrLayout = { name: 'MagTek USB HID', offset: 0, trackSize: 110 };

export type MsrDecode =
  | { ok: true; tracks: [Uint8Array, Uint8Array, Uint8Array] }
  | { ok: false; reason: 'short report' | 'bad length' | 'no track decoded' };

export function decodeMsrReport(report: Uint8Array, layout: MsrLayout = MAGTEK_LAYOUT): MsrDecode {
  const base = layout.offset;
  const dataStart = base + 7;
  if (report.length < dataStart + 3 * layout.trackSize) return { ok: false, reason: 'short report' };
  const tracks: Uint8Array[] = [];
  let decoded = 0;
  for (let t = 0; t < 3; t++) {
    const status = report[base + t] ?? 0xff;
    const length = report[base + 3 + t] ?? 0;
    if (length > layout.trackSize) return { ok: false, reason: 'bad length' };
    const start = dataStart + t * layout.trackSize;
    if (status === 0 && length > 0) decoded++;
    tracks.push(status === 0 ? report.subarray(start, start + length) : new Uint8Array(0));
  }
  if (decoded === 0) return { ok: false, reason: 'no track decoded' };
  return {
    ok: true,
    tracks: [tracks[0] ?? new Uint8Array(0), tracks[1] ?? new Uint8Array(0), tracks[2] ?? new Uint8Array(0)],
  };
}

/** A reader's report for the given tracks (ASCII, no sentinels), for tests and the simulator. */
export function msrReportFor(tracks: readonly string[], layout: MsrLayout = MAGTEK_LAYOUT): Uint8Array {
  const report = new Uint8Array(layout.offset + 7 + 3 * layout.trackSize);
  tracks.slice(0, 3).forEach((track, t) => {
    const bytes = Uint8Array.from(track, (c) => c.charCodeAt(0) & 0x7f).subarray(0, layout.trackSize);
    report[layout.offset + t] = bytes.length > 0 ? 0 : 1;
    report[layout.offset + 3 + t] = bytes.length;
    report.set(bytes, layout.offset + 7 + t * layout.trackSize);
  });
  for (let t = tracks.length; t < 3; t++) report[layout.offset + t] = 1;
  return report;
}
