import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPan, luhnValid, readCard, splitTypedTracks, wipe } from '../../../../shared/cards/iso7813.js';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const none = new Uint8Array(0);

// Test numbers: a Visa test PAN (Luhn-valid, MII 4) and a store loyalty number.
const VISA = '4111111111111111';
const LOYALTY = '6012345678901';

describe('ISO 7813 tracks', () => {
  it('find the account number with or without sentinels, on track 1 and track 2', () => {
    const t1 = bytes(`%B${VISA}^DOE/JANE^29121010000000000000?`);
    const span1 = findPan(t1);
    expect(span1).toMatchObject({ formatCode: 0x42 });
    expect(String.fromCharCode(...t1.subarray(span1!.start, span1!.end))).toBe(VISA);
    const t2 = bytes(`${VISA}=29121010000000000`);
    expect(findPan(t2)).toMatchObject({ start: 0, end: 16, formatCode: null });
    expect(findPan(bytes(';=2912?'))).toBeNull();
    expect(findPan(bytes('%B^DOE^?'))).toBeNull();
    expect(findPan(none)).toBeNull();
  });

  it('check Luhn', () => {
    expect(luhnValid(bytes(VISA))).toBe(true);
    expect(luhnValid(bytes('4111111111111112'))).toBe(false);
    expect(luhnValid(bytes('79927398713'))).toBe(true);
    expect(luhnValid(none)).toBe(false);
  });
});

describe('reading a card', () => {
  it('gives a loyalty card’s member id by the configured prefixes', () => {
    const read = readCard([none, bytes(`;${LOYALTY}=2912?`), none], ['601234']);
    expect(read).toEqual({ kind: 'loyalty', memberId: LOYALTY });
  });

  it('recognises a payment card on track 1 (format B) or track 2, and keeps nothing of it', () => {
    const track1 = readCard([bytes(`%B${VISA}^DOE/JANE^2912101?`), none, none], ['601234']);
    const track2 = readCard([none, bytes(`;${VISA}=2912101?`), none], ['601234']);
    expect(track1).toEqual({ kind: 'payment' });
    expect(track2).toEqual({ kind: 'payment' });
    expect(JSON.stringify([track1, track2])).not.toContain('4111');
  });

  it('calls anything else unknown: Luhn-invalid, another format code, no number at all', () => {
    expect(readCard([none, bytes(';4111111111111112=2912?'), none], [])).toEqual({
      kind: 'unknown',
      reason: 'not-a-loyalty-card',
    });
    expect(readCard([bytes(`%A${VISA}^X^2912?`), none, none], [])).toEqual({
      kind: 'unknown',
      reason: 'not-a-loyalty-card',
    });
    expect(readCard([bytes('garbage'), none, none], [])).toEqual({ kind: 'unknown', reason: 'unreadable' });
  });

  it('splits typed tracks and wipes buffers', () => {
    const typed = bytes(`%B${VISA}^DOE/JANE^2912?;${VISA}=2912?`);
    const [t1, t2, t3] = splitTypedTracks(typed);
    expect(String.fromCharCode(...t1!)).toMatch(/^%B4111/);
    expect(String.fromCharCode(...t2!)).toMatch(/^;4111.*\?$/);
    expect(t3).toHaveLength(0);
    wipe(typed);
    expect(typed.every((b) => b === 0)).toBe(true);
    expect(t1!.every((b) => b === 0)).toBe(true); // views of the same bytes
  });

  it('never throws, and never names a member id without a matching prefix (100,000 random stripes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 120 }), { minLength: 0, maxLength: 3 }),
        fc.array(fc.stringMatching(/^\d{1,6}$/), { maxLength: 3 }),
        (tracks, prefixes) => {
          const read = readCard(tracks, prefixes);
          if (read.kind === 'loyalty') {
            expect(prefixes.some((p) => read.memberId.startsWith(p))).toBe(true);
            expect(read.memberId).toMatch(/^\d+$/);
          }
          splitTypedTracks(tracks[0] ?? none);
        },
      ),
      { numRuns: 100_000 },
    );
  });
});
