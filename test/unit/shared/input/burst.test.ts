import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BurstDetector, type BurstKey, type BurstOutput } from '../../../../shared/input/burst.js';

const char = (c: string): BurstKey => ({ kind: 'char', char: c });

/** Types `text` with the given gaps (ms) between keys, then `end` after `endGap`; flushes late. */
function type(
  detector: BurstDetector,
  text: string,
  gapMs: number,
  end?: { key: BurstKey; gapMs: number },
): BurstOutput[] {
  const out: BurstOutput[] = [];
  let t = 1000;
  for (const c of text) {
    out.push(...detector.push(char(c), t));
    t += gapMs;
  }
  t -= gapMs;
  if (end !== undefined) out.push(...detector.push(end.key, t + end.gapMs));
  out.push(...detector.flush(t + 10_000));
  return out;
}

const typedText = (out: BurstOutput[]): string =>
  out
    .flatMap((o) => (o.kind === 'typed' ? o.keys.map((k) => (k.kind === 'char' ? k.char : '⏎')) : []))
    .join('');

describe('scanner bursts and typing', () => {
  it('a scanner burst (8 ms a key) with its Enter is one scan', () => {
    const out = type(new BurstDetector(), '4006381333931', 8, { key: { kind: 'enter' }, gapMs: 8 });
    expect(out).toEqual([{ kind: 'scan', text: '4006381333931', endedBy: 'suffix' }]);
  });

  it('a fast typist (60 ms a key) is typing, Enter included', () => {
    const out = type(new BurstDetector(), 'jacket', 60, { key: { kind: 'enter' }, gapMs: 60 });
    expect(out.every((o) => o.kind === 'typed')).toBe(true);
    expect(typedText(out)).toBe('jacket⏎');
  });

  it('a slow typist (250 ms a key) is typing', () => {
    const out = type(new BurstDetector(), 'boots', 250);
    expect(out.every((o) => o.kind === 'typed')).toBe(true);
    expect(typedText(out)).toBe('boots');
  });

  it('a burst with no suffix ends by timing and is still a scan', () => {
    const out = type(new BurstDetector({ suffix: 'enter' }), '12345670', 10);
    expect(out).toEqual([{ kind: 'scan', text: '12345670', endedBy: 'timing' }]);
    const tabbed = type(new BurstDetector({ suffix: 'tab' }), '12345670', 10, {
      key: { kind: 'tab' },
      gapMs: 5,
    });
    expect(tabbed).toEqual([{ kind: 'scan', text: '12345670', endedBy: 'suffix' }]);
  });

  it('three fast keys (a rollover) are typing, not a scan', () => {
    const out = type(new BurstDetector(), 'abc', 5, { key: { kind: 'enter' }, gapMs: 5 });
    expect(typedText(out)).toBe('abc⏎');
  });

  it('a person typing right before a scan keeps their text, and the scan stays whole', () => {
    const d = new BurstDetector();
    const out = [
      ...d.push(char('h'), 0),
      ...d.push(char('i'), 200),
      ...['9', '7', '8', '0', '1'].flatMap((c, i) => d.push(char(c), 500 + i * 7)),
      ...d.push({ kind: 'enter' }, 540),
    ];
    expect(typedText(out)).toBe('hi');
    expect(out.at(-1)).toEqual({ kind: 'scan', text: '97801', endedBy: 'suffix' });
  });

  it('takes any key stream without throwing, and loses no key (100,000 streams)', () => {
    const key = fc.oneof(
      fc.constantFrom<BurstKey>({ kind: 'enter' }, { kind: 'tab' }, { kind: 'other' }),
      fc.string({ minLength: 1, maxLength: 1 }).map(char),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: -5, max: 400 })), { maxLength: 40 }),
        fc.constantFrom<'enter' | 'tab' | 'none'>('enter', 'tab', 'none'),
        (keys, suffix) => {
          const d = new BurstDetector({ suffix });
          let t = 0;
          const out: BurstOutput[] = [];
          for (const [k, gap] of keys) {
            t += gap;
            out.push(...d.push(k, t));
          }
          out.push(...d.flush(t + 1000));
          const chars = keys.filter(([k]) => k.kind === 'char').length;
          const seen = out.reduce(
            (n, o) =>
              n + (o.kind === 'scan' ? o.text.length : o.keys.filter((k) => k.kind === 'char').length),
            0,
          );
          expect(seen).toBe(chars);
          expect(d.pending).toBe(0);
        },
      ),
      { numRuns: 100_000 },
    );
  });
});
