/**
 * What the sync code takes from its host, injected so tests run on real sockets and files but
 * with their own clock, randomness and timers.
 */

/** The subset of a pino logger the sync code writes to. */
export interface SyncLog {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A logger that drops everything: benchmarks, CLI probes and tests that assert on other things. */
export const silentLog: SyncLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Exponential backoff with "equal jitter": half the ceiling fixed, half random. Never zero (no
 * hot loop against a failing hub), and spread out so a fleet does not retry in step.
 */
export function backoffMs(attempt: number, random: () => number, baseMs = 1000, maxMs = 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Sleeps that `cancelAll` ends early (resolving, not rejecting), so loops can notice a stop. */
export class Sleeper {
  private readonly pending = new Map<unknown, () => void>();

  constructor(private readonly timers: Timers) {}

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.timers.setTimeout(() => {
        this.pending.delete(handle);
        resolve();
      }, ms);
      this.pending.set(handle, resolve);
    });
  }

  cancelAll(): void {
    for (const [handle, resolve] of this.pending) {
      this.timers.clearTimeout(handle);
      resolve();
    }
    this.pending.clear();
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
