/**
 * HID POS barcode scanners (USB HID Point of Sale Usage Tables, Bar Code Scanner page 0x8C,
 * usage 0x12 Scanned Data Report). A scan arrives as one or more input reports:
 *
 *   byte 0       report id (0x02)
 *   byte 1       number of data bytes in this report
 *   bytes 2-4    AIM symbology identifier ("]E0" EAN/UPC, "]C1" GS1-128, "]Q3" QR with FNC1…),
 *                zeros when the scanner does not send one
 *   bytes 5-60   data (56 bytes at most per report)
 *   byte 61      vendor code id (Honeywell's own symbology letter)
 *   byte 63      non-zero: more reports of this scan follow
 *
 * (Offsets count the report id that hidraw puts first. Layout as implemented by Honeywell and
 * read by NielsLeenheer/WebHidBarcodeScanner; see REFERENCE.md.) Vendors that differ are rows
 * of `vendorLayouts`, not code paths. A report that does not fit its layout is counted as
 * garbage and drops the scan in progress: better no scan than a wrong code.
 */

export interface PosLayout {
  name: string;
  reportId: number;
  /** Size of a whole input report, report id included. */
  size: number;
  /** Index of the "more reports follow" byte, or null when every report is a whole scan. */
  continuationIndex: number | null;
  /** Index of a vendor code id byte, or null. */
  vendorCodeIndex: number | null;
  /** A feature report that switches the scanner into HID POS mode, sent once when opened. */
  enableFeatureReport: readonly number[] | null;
}

export const HID_POS_STANDARD: PosLayout = {
  name: 'HID POS (Honeywell layout)',
  reportId: 0x02,
  size: 64,
  continuationIndex: 63,
  vendorCodeIndex: 61,
  enableFeatureReport: null,
};

/**
 * Known vendors, by USB vendor id. Honeywell (0x0c2e): feature report 0xFE [0x01] enters HID POS
 * mode; some models expose it on vendor page 0xFF8C with 61-byte reads and no continuation byte
 * (qzind/tray#1312), so each report is a whole scan of at most 56 bytes.
 */
export const vendorLayouts: readonly {
  vendorId: number;
  usagePage?: number;
  layout: PosLayout;
}[] = [
  {
    vendorId: 0x0c2e,
    usagePage: 0xff8c,
    layout: {
      name: 'Honeywell vendor page (61-byte reports)',
      reportId: 0x02,
      size: 61,
      continuationIndex: null,
      vendorCodeIndex: null,
      enableFeatureReport: [0xfe, 0x01],
    },
  },
  { vendorId: 0x0c2e, layout: { ...HID_POS_STANDARD, enableFeatureReport: [0xfe, 0x01] } },
];

export function posLayoutFor(vendorId: number, usagePage: number | undefined): PosLayout {
  return (
    vendorLayouts.find(
      (v) => v.vendorId === vendorId && (v.usagePage === undefined || v.usagePage === usagePage),
    )?.layout ?? HID_POS_STANDARD
  );
}

export interface PosScan {
  /** The code's bytes as text: UTF-8 when they are valid UTF-8, else one character per byte. */
  text: string;
  /** AIM symbology identifier, e.g. "]E0", or null when the scanner sent none. */
  aim: string | null;
  vendorCode: number | null;
}

/** The most a scan may hold: a QR code carries at most 7,089 characters (numeric mode). */
const MAX_SCAN_BYTES = 8192;
const DATA_START = 5;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

export class PosScanDecoder {
  private parts: Uint8Array[] = [];
  private size = 0;
  private aim: string | null = null;
  garbage = 0;

  constructor(private readonly layout: PosLayout = HID_POS_STANDARD) {}

  /** Feeds one input report; returns the scan it completes, if any. */
  decode(report: Uint8Array): PosScan | null {
    const { layout } = this;
    if (report[0] !== layout.reportId) return null; // another report of the device (status, …)
    const length = report[1] ?? 0;
    const room = Math.min(report.length, layout.size) - DATA_START;
    if (report.length < DATA_START || length > room || length > 56) return this.refuse();
    const first = this.parts.length === 0;
    if (first) {
      const aim = report.subarray(2, 5);
      // "]" then a symbology letter then a modifier character; all zero when absent.
      if (aim.every((b) => b === 0)) this.aim = null;
      else if (aim[0] === 0x5d) this.aim = String.fromCharCode(...aim);
      else return this.refuse();
    }
    this.parts.push(report.slice(DATA_START, DATA_START + length));
    this.size += length;
    if (this.size > MAX_SCAN_BYTES) return this.refuse();
    const more =
      layout.continuationIndex !== null &&
      report.length > layout.continuationIndex &&
      (report[layout.continuationIndex] ?? 0) !== 0;
    if (more) return null;
    const bytes = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    const vendorCode =
      layout.vendorCodeIndex !== null && report.length > layout.vendorCodeIndex
        ? (report[layout.vendorCodeIndex] ?? 0) || null
        : null;
    const scan: PosScan = { text: textOf(bytes), aim: this.aim, vendorCode };
    this.reset();
    return scan.text.length === 0 ? null : scan;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.aim = null;
  }

  private refuse(): null {
    this.garbage++;
    this.reset();
    return null;
  }
}

/** The input reports a scanner of `layout` sends for `data`, for tests and the simulator. */
export function posReportsFor(
  data: Uint8Array,
  aim: string | null,
  layout: PosLayout = HID_POS_STANDARD,
): Uint8Array[] {
  const chunk = layout.continuationIndex === null ? Math.min(56, layout.size - DATA_START) : 56;
  if (layout.continuationIndex === null && data.length > chunk) {
    throw new RangeError(`${layout.name} carries at most ${String(chunk)} bytes per scan`);
  }
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset === 0 || offset < data.length; offset += chunk) {
    const part = data.subarray(offset, offset + chunk);
    const report = new Uint8Array(layout.size);
    report[0] = layout.reportId;
    report[1] = part.length;
    if (offset === 0 && aim !== null)
      report.set(
        Array.from({ length: Math.min(3, aim.length) }, (_, i) => aim.charCodeAt(i)),
        2,
      );
    report.set(part, DATA_START);
    if (layout.continuationIndex !== null && offset + chunk < data.length)
      report[layout.continuationIndex] = 1;
    reports.push(report);
  }
  return reports;
}
