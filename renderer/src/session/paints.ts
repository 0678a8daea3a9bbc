/**
 * Benchmark marks (scripts/bench reads them through the page): when a scanned product's title
 * and a query's results were painted, on the performance.timeOrigin clock. The frame callback
 * runs just before the frame that shows them, which is as close to "painted" as a page can see.
 */
declare global {
  interface Window {
    __vitrinePaints?: { code: string; receivedAt?: number; paintedAt: number }[];
    __vitrineSearchPaints?: { query: string; paintedAt: number }[];
  }
}

/** A kiosk runs for months: keep the newest marks only. */
const KEEP = 500;

function mark<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

/** `receivedAt`: when the runtime received the scanner's report (the scan event's own stamp). */
export function markScanPainted(code: string, receivedAt: number | undefined): void {
  requestAnimationFrame(() => {
    const paintedAt = performance.timeOrigin + performance.now();
    mark(
      (window.__vitrinePaints ??= []),
      receivedAt === undefined ? { code, paintedAt } : { code, receivedAt, paintedAt },
    );
  });
}

export function markSearchPainted(query: string): void {
  requestAnimationFrame(() => {
    mark((window.__vitrineSearchPaints ??= []), {
      query,
      paintedAt: performance.timeOrigin + performance.now(),
    });
  });
}
