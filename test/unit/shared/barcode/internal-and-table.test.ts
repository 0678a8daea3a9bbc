import { describe, expect, it } from 'vitest';
import { knownAis, lookupAi } from '../../../../shared/barcode/ai-table.js';
import { fixedLength } from '../../../../shared/barcode/ai-value.js';
import { gs1Year } from '../../../../shared/barcode/gs1-date.js';
import { parseBarcode } from '../../../../shared/barcode/index.js';

describe('store-internal codes', () => {
  const internalRules = [
    { prefix: 'LOY', label: 'loyalty card' },
    { prefix: '21', length: 13, label: 'scale label' },
    { prefix: 'X' },
  ];

  it('matches a prefix rule of any length', () => {
    expect(parseBarcode('LOY-000123\r\n', { internalRules })).toEqual({
      ok: true,
      value: {
        format: 'internal',
        input: 'LOY-000123',
        ais: [],
        internal: { prefix: 'LOY', label: 'loyalty card', code: 'LOY-000123' },
      },
    });
  });

  it('matches a prefix + length rule before EAN-13 reading', () => {
    expect(parseBarcode('2123456789010', { internalRules })).toMatchObject({
      ok: true,
      value: { format: 'internal', internal: { prefix: '21', label: 'scale label', code: '2123456789010' } },
    });
  });

  it('ignores a rule whose length does not match', () => {
    expect(parseBarcode('21234', { internalRules })).toMatchObject({
      ok: false,
      error: { code: 'bad-length' },
    });
  });

  it('matches after an AIM identifier and keeps it', () => {
    expect(parseBarcode(']A0X-99', { internalRules })).toMatchObject({
      ok: true,
      value: { format: 'internal', symbology: ']A0', internal: { prefix: 'X', code: 'X-99' } },
    });
  });

  it('ignores an empty prefix, which would match everything', () => {
    expect(parseBarcode('hello', { internalRules: [{ prefix: '' }] })).toMatchObject({
      ok: false,
      error: { code: 'unknown-format' },
    });
  });

  it('without rules, a 20-29 EAN-13 is a valid, restricted EAN-13', () => {
    expect(parseBarcode('2123456789010')).toMatchObject({
      ok: true,
      value: { format: 'ean-13', gtin: '02123456789010', restricted: true },
    });
  });
});

describe('AI table', () => {
  it('is prefix-free, so the AI at a position is never ambiguous', () => {
    const ais = knownAis();
    const clashes = ais.flatMap((a) =>
      ais.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a} / ${b}`),
    );
    expect(clashes).toEqual([]);
  });

  it('has a well-formed format for every AI', () => {
    for (const ai of knownAis()) {
      const spec = lookupAi(ai);
      expect(spec).toBeDefined();
      if (spec) expect(() => fixedLength(spec)).not.toThrow();
    }
  });

  it('holds the AIs the kiosk relies on', () => {
    for (const ai of [
      '00',
      '01',
      '02',
      '10',
      '11',
      '12',
      '13',
      '15',
      '16',
      '17',
      '20',
      '21',
      '22',
      '30',
      '37',
    ]) {
      expect(lookupAi(ai), ai).toBeDefined();
    }
    for (const ai of [
      '240',
      '241',
      '250',
      '251',
      '3100',
      '3105',
      '3200',
      '3900',
      '3929',
      '400',
      '410',
      '414',
      '7003',
      '8200',
    ]) {
      expect(lookupAi(ai), ai).toBeDefined();
    }
  });
});

describe('GS1 century rule (§7.12)', () => {
  it.each([
    [24, 2024, 2024],
    [74, 2024, 2074],
    [75, 2024, 1975],
    [99, 2000, 1999],
    [50, 2000, 2050],
    [51, 2000, 1951],
    [0, 2099, 2100],
    [49, 2099, 2149],
    [48, 2099, 2148],
    [50, 2099, 2050],
  ])('YY %i with reference year %i is %i', (yy, reference, year) => {
    expect(gs1Year(yy, reference)).toBe(year);
  });
});
