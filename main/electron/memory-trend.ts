/**
 * A page that leaks grows for hours and then dies at the worst moment, in front of a shopper. The
 * shell samples each window's renderer memory every few minutes; when the samples of the last
 * hours rise steadily (a least-squares line with a clear slope that explains most of the
 * variation, so one big catalog page does not count), the page is reloaded at the next idle
 * moment, while nobody is using it. Pure: samples and time come in, a verdict goes out.
 */

export interface MemorySample {
  /** ms */
  at: number;
  bytes: number;
}

export interface MemoryTrendPolicy {
  /** Samples older than this are dropped. */
  windowMs: number;
  /** The samples must cover at least this long before any verdict. */
  minSpanMs: number;
  minSamples: number;
  /** Growth that counts as a leak. */
  minBytesPerHour: number;
  /** …adding up to at least this much over the samples' span. */
  minGrowthBytes: number;
  /** How well the line fits (r²): a steady climb, not a jump. */
  minFit: number;
}

const MB = 1024 * 1024;
const HOUR_MS = 3_600_000;

export const DEFAULT_MEMORY_POLICY: MemoryTrendPolicy = {
  windowMs: 6 * HOUR_MS,
  minSpanMs: 3 * HOUR_MS,
  minSamples: 12,
  minBytesPerHour: 20 * MB,
  minGrowthBytes: 100 * MB,
  minFit: 0.8,
};

export interface MemoryVerdict {
  leaking: boolean;
  bytesPerHour: number;
  fit: number;
}

export class MemoryTrend {
  private samples: MemorySample[] = [];

  constructor(private readonly policy: MemoryTrendPolicy = DEFAULT_MEMORY_POLICY) {}

  add(sample: MemorySample): void {
    this.samples = [...this.samples.filter((s) => sample.at - s.at <= this.policy.windowMs), sample];
  }

  /** After a reload the page starts from scratch: so does the trend. */
  reset(): void {
    this.samples = [];
  }

  verdict(): MemoryVerdict {
    const { samples, policy } = this;
    const first = samples[0];
    const last = samples[samples.length - 1];
    if (
      first === undefined ||
      last === undefined ||
      samples.length < policy.minSamples ||
      last.at - first.at < policy.minSpanMs
    )
      return { leaking: false, bytesPerHour: 0, fit: 0 };
    const n = samples.length;
    const meanX = samples.reduce((sum, s) => sum + s.at, 0) / n;
    const meanY = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const s of samples) {
      sxy += (s.at - meanX) * (s.bytes - meanY);
      sxx += (s.at - meanX) ** 2;
      syy += (s.bytes - meanY) ** 2;
    }
    if (sxx === 0 || syy === 0) return { leaking: false, bytesPerHour: 0, fit: 0 };
    const slopePerMs = sxy / sxx;
    const fit = (sxy * sxy) / (sxx * syy);
    const bytesPerHour = slopePerMs * HOUR_MS;
    const growth = slopePerMs * (last.at - first.at);
    return {
      leaking:
        bytesPerHour >= policy.minBytesPerHour && growth >= policy.minGrowthBytes && fit >= policy.minFit,
      bytesPerHour,
      fit,
    };
  }
}

/**
 * Whether now is an idle moment: nobody has touched the kiosk for `quietMs`, or the last session
 * ended (the attract loop is showing) and nothing happened since.
 */
export class IdleMoments {
  private lastActivityAt = Number.NEGATIVE_INFINITY;
  private sessionOver = true;

  constructor(private readonly quietMs = 5 * 60_000) {}

  activity(now: number): void {
    this.lastActivityAt = now;
    this.sessionOver = false;
  }

  sessionEnded(): void {
    this.sessionOver = true;
  }

  isIdle(now: number): boolean {
    return this.sessionOver || now - this.lastActivityAt >= this.quietMs;
  }
}
