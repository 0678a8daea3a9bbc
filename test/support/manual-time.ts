/** Timers a test moves by hand: nothing fires until `advance`, so no test depends on the clock. */
import type { Timers } from '../../main/runtime/sync/index.js';

export class ManualTime implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, run });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Moves the clock, running timers as they fall due, and lets their async work settle. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const [id, timer] = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || timer === undefined || timer.at > end) break;
      this.due.delete(id);
      this.now = timer.at;
      timer.run();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

/** Lets promise chains started by a timer run to their next real wait. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};
