import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBracketed,
  formatElementString,
  gtinCheckDigit,
  parseBarcode,
} from '../../../../shared/barcode/index.js';
import type { InternalCodeRule } from '../../../../shared/barcode/index.js';

const now = new Date('2024-06-01T00:00:00Z');

/** Pieces of real scans, so random strings reach deep into every parser, not just the first check. */
const scanPiece = fc.constantFrom(
  '0',
  '1',
  '2',
  '9',
  '01',
  '17',
  '10',
  '21',
  '3103',
  '7003',
  '09506000134352',
  '(',
  ')',
  '(01)',
  '(10)',
  ']C1',
  ']d2',
  ']E0',
  ']E3',
  ']Q1',
  '\x1d',
  'https://',
  'id.example.com',
  '/',
  '/01/',
  '?',
  '=',
  '&',
  '%',
  '%2',
  'A',
  ' ',
  '\r\n',
  '\u00e4',
  '\ud800',
);
const scanLike = fc.array(scanPiece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  scanLike,
);
const rules = fc.array(
  fc.record({ prefix: fc.string({ maxLength: 3 }), length: fc.option(fc.nat(20), { nil: undefined }) }),
  { maxLength: 2 },
);

describe('parseBarcode properties', () => {
  it('never throws, and always returns a precise result, for arbitrary text', () => {
    fc.assert(
      fc.property(anyText, rules, (text, internalRules: InternalCodeRule[]) => {
        const result = parseBarcode(text, { internalRules, now });
        if (result.ok) {
          expect(result.value.input).toBe(text.trim());
          if (result.value.gtin !== undefined) expect(result.value.gtin).toMatch(/^\d{14}$/);
        } else {
          expect(result.error.message.length).toBeGreaterThan(0);
          if (result.error.position !== undefined) {
            expect(result.error.position).toBeGreaterThanOrEqual(0);
            expect(result.error.position).toBeLessThanOrEqual(text.trim().length);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads every GTIN-13 with a computed check digit, and rejects every other check digit', () => {
    const twelveDigits = fc.stringMatching(/^[0-9]{12}$/);
    fc.assert(
      fc.property(twelveDigits, fc.integer({ min: 1, max: 9 }), (data, shift) => {
        const check = gtinCheckDigit(data);
        const code = `${data}${String(check)}`;
        const result = parseBarcode(code);
        expect(result).toMatchObject({ ok: true, value: { format: 'ean-13', gtin: `0${code}` } });
        const restricted = /^(0[24]|2)/.test(code);
        expect(result.ok && result.value.restricted === true).toBe(restricted);

        const wrong = `${data}${String((check + shift) % 10)}`;
        expect(parseBarcode(wrong)).toMatchObject({ ok: false, error: { code: 'bad-check-digit' } });
      }),
      { numRuns: 2_000 },
    );
  });

  it('round-trips element strings through the scan and bracketed forms', () => {
    // GS1 character set 82: ! " % & ' ( ) * + , - . / 0-9 : ; < = > ? A-Z _ a-z
    const cs82 = fc.stringMatching(/^[!"%-?A-Z_a-z]{1,20}$/);
    const gtin = fc.stringMatching(/^[0-9]{13}$/).map((data) => `${data}${String(gtinCheckDigit(data))}`);
    const date = fc
      .record({
        y: fc.integer({ min: 0, max: 99 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));
    const weight = fc.stringMatching(/^[0-9]{6}$/);
    const element = fc.oneof(
      gtin.map((raw) => ({ ai: '01', raw })),
      cs82.map((raw) => ({ ai: '10', raw })),
      date.map((raw) => ({ ai: '17', raw })),
      cs82.map((raw) => ({ ai: '21', raw })),
      weight.map((raw) => ({ ai: '3103', raw })),
    );
    // One of each AI at most: a repeated AI with different data is (rightly) an error.
    const elements = fc.uniqueArray(element, { minLength: 1, maxLength: 5, selector: (e) => e.ai });
    fc.assert(
      fc.property(elements, (ais) => {
        // Bracketed text cannot tell a batch ending in "(17)" from AI 17, so keep those out.
        fc.pre(ais.every((e) => !e.raw.includes('(')));
        for (const text of [`]C1${formatElementString(ais)}`, formatBracketed(ais)]) {
          const result = parseBarcode(text, { now });
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.ais.map(({ ai, raw }) => ({ ai, raw }))).toEqual(ais);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
