/** The session's idle clock, on a hand-driven clock: warning, one-touch extension, wipe. */
import { describe, expect, it } from 'vitest';
import { IdleClock } from '../../../../../main/runtime/session/idle.js';
import { compareSizes } from '../../../../../main/runtime/session/views.js';
import { ManualTime } from '../../../../support/manual-time.js';

function clock() {
  const timers = new ManualTime();
  const seen: string[] = [];
  const idle = new IdleClock({
    timeoutSeconds: 60,
    warningSeconds: 20,
    timers,
    onWarning: (left) => seen.push(`warning ${String(left)} at ${String(timers.now / 1000)}`),
    onActive: () => seen.push(`active at ${String(timers.now / 1000)}`),
    onTimeout: () => seen.push(`timeout at ${String(timers.now / 1000)}`),
  });
  return { timers, seen, idle };
}

describe('idle clock', () => {
  it('runs only in a session: nothing happens before the first touch', async () => {
    const { timers, seen, idle } = clock();
    await timers.advance(3_600_000);
    expect(seen).toEqual([]);
    expect(idle.inSession).toBe(false);
  });

  it('warns 20 s before the timeout, then wipes at 60 s without a touch', async () => {
    const { timers, seen, idle } = clock();
    idle.activity();
    await timers.advance(39_999);
    expect(seen).toEqual([]);
    await timers.advance(1);
    expect(seen).toEqual(['warning 20 at 40']);
    await timers.advance(20_000);
    expect(seen).toEqual(['warning 20 at 40', 'timeout at 60']);
    expect(idle.inSession).toBe(false);
    await timers.advance(600_000);
    expect(seen).toHaveLength(2);
  });

  it('one touch during the warning extends the session by a full timeout', async () => {
    const { timers, seen, idle } = clock();
    idle.activity();
    await timers.advance(50_000);
    idle.activity();
    expect(seen).toEqual(['warning 20 at 40', 'active at 50']);
    await timers.advance(39_000);
    expect(seen).toHaveLength(2);
    await timers.advance(1_000);
    expect(seen.at(-1)).toBe('warning 20 at 90');
  });

  it('touches before the warning move it on without an "active" event; end() stops the clock', async () => {
    const { timers, seen, idle } = clock();
    idle.activity();
    await timers.advance(30_000);
    idle.activity();
    await timers.advance(30_000);
    expect(seen).toEqual([]);
    idle.end();
    await timers.advance(600_000);
    expect(seen).toEqual([]);
  });
});

describe('sizes in reading order', () => {
  it('numbers by value, letter sizes from XS up, then the rest', () => {
    const sizes = ['XL', '42', 'One Size', 'S', '7.5', '38', 'M', '10', 'XS', '40,5'];
    expect(sizes.sort(compareSizes)).toEqual([
      '7.5',
      '10',
      '38',
      '40,5',
      '42',
      'XS',
      'S',
      'M',
      'XL',
      'One Size',
    ]);
  });
});
