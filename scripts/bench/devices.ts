/**
 * `npm run bench -- devices [--products N]`: the device layer's speed.
 *
 *   1. decode throughput per decoder (reports per second): HID POS single- and multi-report
 *      scans, boot keyboard reports (with the burst detector behind them), magnetic stripe
 *      reports read as cards;
 *   2. report to lookup event: a scan's reports enter the device manager (through the
 *      development simulator's virtual HID POS scanner, the same decoder and manager a USB
 *      scanner goes through) and the catalog answer comes out as the UI's event, on a generated
 *      catalog of N products (default 100,000). p50/p95 over 2,000 scans of random GTINs, and the
 *      same through a keyboard-wedge reader path (timed from the suffix report, when the scan is
 *      known to be complete).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardwareSection } from '../../kiosk-config/schema-hardware.js';
import { parseFeed } from '../../shared/catalog/index.js';
import { syntheticCatalog, syntheticGtin } from '../../shared/catalog/synthetic.js';
import { BurstDetector } from '../../shared/input/burst.js';
import { readCard, wipe } from '../../shared/cards/iso7813.js';
import { openCatalog } from '../../main/runtime/catalog/index.js';
import { createDevices, type DeviceUiEvent, type HidTransport } from '../../main/runtime/devices/index.js';
import { BootKeyboardDecoder, reportsFor } from '../../main/runtime/devices/keyboard.js';
import { decodeMsrReport, msrReportFor } from '../../main/runtime/devices/msr.js';
import { PosScanDecoder, posReportsFor } from '../../main/runtime/devices/pos-scanner.js';
import { silentLog, systemTimers } from '../../main/runtime/sync/index.js';
import { argValue, count, fmt, machineLine, summarize, table, timed } from './stats.js';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Reports per second of `decode` over `reports`, repeated to at least `total` reports. */
function throughput(
  reports: readonly Uint8Array[],
  total: number,
  decode: (r: Uint8Array) => unknown,
): number {
  const rounds = Math.max(1, Math.ceil(total / reports.length));
  for (let i = 0; i < Math.min(rounds, 50); i++) for (const r of reports) decode(r); // warm-up
  const t = timed(() => {
    for (let i = 0; i < rounds; i++) for (const r of reports) decode(r);
  });
  return (rounds * reports.length) / (t.ms / 1000);
}

function decoderRows(): string[][] {
  const gtins = Array.from({ length: 1000 }, (_, i) => syntheticGtin(i + 1));
  const single = gtins.flatMap((g) => posReportsFor(ascii(g), ']E0'));
  const url = (g: string) => `https://id.gs1.org/01/${g}/10/LOT${g.slice(-6)}/21/SERIAL-${g}?17=271231`;
  const multi = gtins.slice(0, 200).flatMap((g) => posReportsFor(ascii(url(g)), ']Q1'));
  const pos = new PosScanDecoder();
  const keyboardReports = gtins.slice(0, 200).flatMap((g) => reportsFor(`${g}\n`, 'us'));
  const keyboard = new BootKeyboardDecoder('us');
  const bursts = new BurstDetector();
  let t = 0;
  const cards = Array.from({ length: 200 }, (_, i) =>
    msrReportFor([
      `B60123456${String(i).padStart(4, '0')}^MEMBER/ADA^2912`,
      `60123456${String(i).padStart(4, '0')}=2912`,
    ]),
  );
  const rows: string[][] = [
    [
      'HID POS, one report a scan (EAN-13)',
      `${count(throughput(single, 1_000_000, (r) => pos.decode(r)))} reports/s`,
    ],
    [
      `HID POS, ${String(multi.length / 200)} reports a scan (Digital Link URL)`,
      `${count(throughput(multi, 1_000_000, (r) => pos.decode(r)))} reports/s`,
    ],
    [
      'boot keyboard + burst detector (US)',
      `${count(
        throughput(keyboardReports, 1_000_000, (r) => {
          for (const key of keyboard.decode(r)) bursts.push(key, (t += 2));
        }),
      )} reports/s`,
    ],
    [
      'magnetic stripe report read as a card (and wiped)',
      `${count(
        throughput(cards, 200_000, (r) => {
          const copy = r.slice();
          const decoded = decodeMsrReport(copy);
          if (decoded.ok) readCard(decoded.tracks, ['601234']);
          wipe(copy);
        }),
      )} reports/s`,
    ],
  ];
  return rows;
}

const noDevices: HidTransport = {
  devices: () => Promise.resolve([]),
  open: (path) => Promise.reject(new Error(`no device ${path}`)),
  watch: () => () => undefined,
};

async function latencyRows(products: number, dir: string): Promise<string[][]> {
  const lines = [...syntheticCatalog({ products, stores: 8, seed: 42 })].map((r) => JSON.stringify(r));
  const batch = parseFeed(`${lines.join('\n')}\n`, { fileName: 'catalog.jsonl' }).batch;
  const variants = batch.products.reduce((n, p) => n + p.variants.length, 0);
  const catalog = openCatalog(join(dir, 'catalog.db'));
  const imported = timed(() => catalog.apply(batch));
  const events: DeviceUiEvent[] = [];
  const devices = createDevices({
    config: { hardware: hardwareSection.parse({ repeatWindowMs: 0 }), development: { simulation: true } },
    transport: noDevices,
    lookup: (code) => catalog.reader.lookup(code, 'BER-MITTE'),
    onEvent: (event) => events.push(event),
    log: silentLog,
    timers: systemTimers,
    clock: () => performance.now(),
    now: () => new Date(),
  });
  await devices.start();
  const simulator = devices.simulator;
  if (simulator === undefined) throw new Error('simulator off');
  const codes = Array.from({ length: 2000 }, () => syntheticGtin(1 + Math.floor(Math.random() * variants)));
  for (const code of codes.slice(0, 200)) simulator.scan(code, ']E0'); // warm-up
  events.length = 0;
  const pos: number[] = [];
  const inside: number[] = [];
  let found = 0;
  for (const code of codes) {
    const t0 = performance.now();
    simulator.scan(code, ']E0');
    const event = events.pop();
    if (event?.kind !== 'scan') throw new Error(`no scan event for ${code}`);
    pos.push(performance.now() - t0);
    inside.push(event.tookMs);
    if (event.outcome.result !== null) found++;
  }
  // The keyboard-wedge path: decoder and burst detector in front of the same lookup.
  const keyboard = new BootKeyboardDecoder('us');
  const bursts = new BurstDetector();
  const wedge: number[] = [];
  let clock = 0;
  for (const code of codes) {
    const reports = reportsFor(`${code}\n`, 'us');
    let done = false;
    for (const [i, report] of reports.entries()) {
      clock += 2;
      const t0 = performance.now();
      for (const key of keyboard.decode(report)) {
        for (const out of bursts.push(key, clock)) {
          if (out.kind === 'scan') {
            catalog.reader.lookup(out.text, 'BER-MITTE');
            done = true;
          }
        }
      }
      if (i === reports.length - 2 && done) wedge.push(performance.now() - t0);
    }
  }
  await devices.stop();
  catalog.close();
  const p = summarize(pos);
  const q = summarize(inside);
  const w = summarize(wedge);
  return [
    [
      `catalog: ${count(batch.products.length)} products, ${count(variants)} variants`,
      `imported in ${fmt(imported.ms / 1000)} s`,
    ],
    [
      'HID POS report to lookup event, p50 / p95 / max',
      `${fmt(p.p50, 3)} / ${fmt(p.p95, 3)} / ${fmt(p.max, 2)} ms (n ${String(p.n)}, ${String(found)} found)`,
    ],
    ['  of which receipt to event (manager, pipeline, lookup)', `${fmt(q.p50, 3)} / ${fmt(q.p95, 3)} ms`],
    [
      'keyboard-wedge suffix report to lookup, p50 / p95',
      `${fmt(w.p50, 3)} / ${fmt(w.p95, 3)} ms (n ${String(w.n)})`,
    ],
  ];
}

export async function runDevicesBench(args: string[]): Promise<void> {
  const products = argValue(args, '--products', 100_000);
  console.log(`Vitrine devices benchmark — ${machineLine()}\n`);
  console.log(table(['decoder', 'throughput'], decoderRows()));
  console.log('');
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-devices-'));
  try {
    console.log(
      table(
        ['scan to screen (DESIGN.md budget: p95 <= 50 ms to painted)', 'value'],
        await latencyRows(products, dir),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
