import { describe, expect, it } from 'vitest';
import { parseBarcode } from '../../../../shared/barcode/index.js';
import type { BarcodeResult } from '../../../../shared/barcode/index.js';
import { invalid, valid } from './expect-result.js';

const GS = '\x1d';
const now = new Date('2024-06-01T00:00:00Z');

const parse = (text: string): BarcodeResult => parseBarcode(text, { now });

describe('bracketed element strings', () => {
  it('reads (01)09506000134352(17)201225(10)ABC123 (required example)', () => {
    expect(valid(parse('(01)09506000134352(17)201225(10)ABC123'))).toEqual({
      format: 'gs1',
      input: '(01)09506000134352(17)201225(10)ABC123',
      gtin: '09506000134352',
      expiry: '2020-12-25',
      batch: 'ABC123',
      ais: [
        { ai: '01', title: 'GTIN', raw: '09506000134352', value: '09506000134352' },
        { ai: '17', title: 'USE BY OR EXPIRY', raw: '201225', value: '2020-12-25' },
        { ai: '10', title: 'BATCH/LOT', raw: 'ABC123', value: 'ABC123' },
      ],
    });
  });

  it('lets a batch contain parentheses that do not look like an AI', () => {
    expect(valid(parse('(01)09506000134352(10)A(B)C')).batch).toBe('A(B)C');
  });

  it('reports a fixed-length field that is too short or too long', () => {
    expect(invalid(parse('(01)0950600013435(10)A'))).toMatchObject({
      code: 'truncated',
      message: 'AI (01) GTIN needs 14 digits, got 13',
      position: 4,
    });
    expect(invalid(parse('(01)095060001343520'))).toMatchObject({ code: 'bad-length' });
  });

  it('reports a variable-length field that is empty or too long', () => {
    expect(invalid(parse('(01)09506000134352(10)'))).toMatchObject({
      code: 'truncated',
      message: 'AI (10) BATCH/LOT has no data',
    });
    expect(invalid(parse(`(10)${'A'.repeat(21)}`))).toMatchObject({
      code: 'bad-length',
      message: 'AI (10) BATCH/LOT has 21 characters, at most 20 allowed',
    });
  });

  it('reports an unknown AI', () => {
    expect(invalid(parse('(01)09506000134352(23)X'))).toMatchObject({
      code: 'bad-ai',
      message: 'unknown GS1 Application Identifier (23) at position 18',
      position: 18,
    });
    expect(invalid(parse('(10)ABC(9999)X')).code).toBe('bad-ai');
  });

  it('reports text that is not (AI)data', () => {
    expect(invalid(parse('(01)09506000134352x')).code).toBe('bad-length');
    expect(invalid(parse('(ab)1')).code).toBe('bad-ai');
  });
});

describe('raw scan data with FNC1 as GS', () => {
  const body = `01095060001343521720122510ABC123${GS}21XYZ`;

  it.each([
    [']C1', 'GS1-128'],
    [']d2', 'GS1 DataMatrix'],
    [']Q3', 'GS1 QR Code'],
    [']e0', 'GS1 DataBar'],
  ])('reads data after %s (%s)', (symbology) => {
    expect(valid(parse(`${symbology}${body}`))).toMatchObject({
      format: 'gs1',
      symbology,
      gtin: '09506000134352',
      expiry: '2020-12-25',
      batch: 'ABC123',
      serial: 'XYZ',
    });
  });

  it('reads a leading GS as the FNC1 of a scanner without AIM ids', () => {
    expect(valid(parse(`${GS}${body}`))).toMatchObject({ gtin: '09506000134352', serial: 'XYZ' });
  });

  it('reads bare data that starts with AI 01, 00 or 02 and is no plain GTIN', () => {
    expect(valid(parse('0109506000134352'))).toMatchObject({ format: 'gs1', gtin: '09506000134352' });
    expect(valid(parse('010950600013435217201225'))).toMatchObject({ expiry: '2020-12-25' });
    expect(valid(parse('00106141411234567897'))).toMatchObject({
      format: 'gs1',
      ais: [{ ai: '00', title: 'SSCC', raw: '106141411234567897', value: '106141411234567897' }],
    });
  });

  it('needs no GS after predefined-length AIs, and tolerates a trailing GS and CR/LF', () => {
    expect(valid(parse(`]C10119506000134359112401011724123110L1${GS}\r\n`))).toMatchObject({
      gtin: '19506000134359',
      productionDate: '2024-01-01',
      expiry: '2024-12-31',
      batch: 'L1',
    });
  });

  it('accepts a fixed-length AI outside the predefined table with or without its GS', () => {
    const withGs = valid(parse(`]C170032412311830${GS}10ABC`));
    const without = valid(parse(`]C17003241231183010ABC`));
    expect(withGs.ais).toEqual(without.ais);
    expect(withGs.ais[0]).toMatchObject({ ai: '7003', value: '2024-12-31T18:30' });
  });

  it('names the AI of a truncated fixed-length field', () => {
    expect(invalid(parse(']C1010950600013435217201'))).toMatchObject({
      code: 'truncated',
      message: 'AI (17) USE BY OR EXPIRY needs 6 digits but only 3 come before the end of the scan',
      position: 24,
    });
    expect(invalid(parse(`]C10109506000134${GS}10A`))).toMatchObject({
      code: 'truncated',
      message: 'AI (01) GTIN needs 14 digits but only 11 come before a GS separator',
    });
  });

  it('reports a scan that ends inside an AI', () => {
    expect(invalid(parse(']d201095060001343521'))).toMatchObject({ code: 'truncated', position: 19 });
  });

  it('reports a variable field that runs too long (a missing GS)', () => {
    const error = invalid(parse(`]C110${'A'.repeat(20)}21XYZ`));
    expect(error.code).toBe('bad-length');
    expect(error.message).toContain('AI (10) BATCH/LOT runs to 25 characters, at most 20 allowed');
  });

  it('reports an unknown AI with its position', () => {
    expect(invalid(parse(']C10109506000134352231'))).toMatchObject({
      code: 'bad-ai',
      message: 'no GS1 Application Identifier starts "231" at position 19',
      position: 19,
    });
    expect(invalid(parse(']C1ABC')).code).toBe('bad-ai');
  });

  it('reports a GS1 symbology identifier with no data', () => {
    expect(invalid(parse(']d2')).code).toBe('empty');
    expect(invalid(parse(`]d2${GS}`)).code).toBe('empty');
  });
});

describe('AI validation', () => {
  it('checks the check digit of AI 01, 02 and 00', () => {
    expect(invalid(parse('(01)09506000134353'))).toMatchObject({
      code: 'bad-check-digit',
      message: 'AI (01) GTIN "09506000134353" has check digit 3, expected 2',
      position: 17,
    });
    expect(invalid(parse('(02)09506000134353(37)10')).code).toBe('bad-check-digit');
    expect(invalid(parse('(00)106141411234567890')).code).toBe('bad-check-digit');
  });

  it('checks months and days, including leap years', () => {
    expect(invalid(parse('(17)201325'))).toMatchObject({
      code: 'bad-date',
      message: 'AI (17) USE BY OR EXPIRY date "201325": month 13 is not 01-12',
      position: 4,
    });
    expect(invalid(parse('(17)230229'))).toMatchObject({
      code: 'bad-date',
      message: 'AI (17) USE BY OR EXPIRY date "230229": day 29 does not exist in February 2023',
    });
    expect(valid(parse('(17)240229')).expiry).toBe('2024-02-29');
    expect(invalid(parse('(15)240431')).code).toBe('bad-date');
  });

  it('reads day 00 as the last day of the month', () => {
    expect(valid(parse('(17)240200')).expiry).toBe('2024-02-29');
    expect(valid(parse('(17)230200')).expiry).toBe('2023-02-28');
    expect(valid(parse('(15)241100')).bestBefore).toBe('2024-11-30');
    expect(valid(parse('(11)240100')).productionDate).toBe('2024-01-31');
    expect(valid(parse('(13)240600')).packagingDate).toBe('2024-06-30');
    // First freeze date (7006) has no "month only" form.
    expect(invalid(parse('(7006)240200')).code).toBe('bad-date');
  });

  it('places two-digit years in the GS1 window: 49 years back to 50 ahead (§7.12)', () => {
    expect(valid(parse('(17)740101')).expiry).toBe('2074-01-01');
    expect(valid(parse('(17)750101')).expiry).toBe('1975-01-01');
    const late = { now: new Date('2090-03-01T00:00:00Z') };
    expect(valid(parseBarcode('(17)400101', late)).expiry).toBe('2140-01-01');
    expect(valid(parseBarcode('(17)410101', late)).expiry).toBe('2041-01-01');
  });

  it('checks hours and minutes of AI 7003', () => {
    expect(invalid(parse('(7003)2412312400')).code).toBe('bad-date');
    expect(invalid(parse('(7003)2412311860')).code).toBe('bad-date');
  });

  it('enforces character set 82 in alphanumeric fields and digits in numeric ones', () => {
    expect(invalid(parse('(10)AB#C'))).toMatchObject({
      code: 'bad-character',
      message: 'AI (10) BATCH/LOT contains "#" which is not in GS1 character set 82',
      position: 6,
    });
    expect(invalid(parse('(21)A B')).code).toBe('bad-character');
    expect(invalid(parse('(10)ÄB')).code).toBe('bad-character');
    expect(invalid(parse('(17)2012A5'))).toMatchObject({ code: 'bad-character', position: 8 });
    const all82 = `!"%&'()*+,-./:;<=>?_Az09`;
    expect(valid(parse(`(400)${all82}`)).ais[0]?.value).toBe(all82);
  });

  it('refuses the same AI twice with different data, and drops exact repeats', () => {
    expect(invalid(parse('(10)A(10)B')).code).toBe('bad-ai');
    expect(valid(parse('(10)A(10)A')).ais).toHaveLength(1);
  });
});

describe('typed fields', () => {
  it('reads measures with implied decimals', () => {
    expect(valid(parse('(01)09506000134352(3103)001250')).netWeightKg).toBe(1.25);
    expect(valid(parse('(3100)000042')).netWeightKg).toBe(42);
    expect(valid(parse('(3105)123456')).netWeightKg).toBe(1.23456);
    const pounds = valid(parse('(3202)000150'));
    expect(pounds.netWeightKg).toBeUndefined();
    expect(pounds.ais[0]).toMatchObject({ ai: '3202', title: 'NET WEIGHT (lb)', value: 1.5 });
  });

  it('reads counts, contained GTIN and other dates', () => {
    expect(valid(parse('(02)09506000134352(37)0024'))).toMatchObject({
      variantGtin: '09506000134352',
      count: 24,
    });
    expect(valid(parse('(01)09506000134352(30)12')).count).toBe(12);
    expect(valid(parse('(16)240615')).sellBy).toBe('2024-06-15');
  });

  it('reads prices, with and without currency', () => {
    expect(valid(parse('(01)09506000134352(3922)1299')).price).toEqual({ amount: 12.99 });
    expect(valid(parse('(3932)9781299')).price).toEqual({ amount: 12.99, currency: '978' });
    expect(valid(parse('(3900)5')).price).toEqual({ amount: 5 });
    expect(valid(parse('(3929)5')).price).toEqual({ amount: 5e-9 });
  });

  it('keeps other AIs as text', () => {
    const value = valid(parse('(01)09506000134352(240)XYZ-1(400)PO123(8200)http://example.com(91)abc'));
    expect(value.ais.map((a) => [a.ai, a.value])).toEqual([
      ['01', '09506000134352'],
      ['240', 'XYZ-1'],
      ['400', 'PO123'],
      ['8200', 'http://example.com'],
      ['91', 'abc'],
    ]);
  });

  it('checks GLNs (410-417)', () => {
    expect(valid(parse('(414)9506000134000(254)A1')).ais).toHaveLength(2);
    expect(invalid(parse('(414)9506000134001')).code).toBe('bad-check-digit');
  });

  it('flags a restricted GTIN in AI 01', () => {
    expect(valid(parse('(01)02123456789010')).restricted).toBe(true);
  });
});
