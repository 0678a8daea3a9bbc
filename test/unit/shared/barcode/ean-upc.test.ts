import { describe, expect, it } from 'vitest';
import { expandUpcE, parseBarcode } from '../../../../shared/barcode/index.js';
import { invalid, valid } from './expect-result.js';

// Check digits below were computed independently of the code under test (mod 10, weights 3,1
// from the right) and, where marked, are published examples.

describe('EAN-13', () => {
  it('reads 4006381333931 as GTIN 04006381333931 (required example)', () => {
    expect(parseBarcode('4006381333931')).toEqual({
      ok: true,
      value: { format: 'ean-13', input: '4006381333931', gtin: '04006381333931', ais: [] },
    });
  });

  it('reads published examples (5901234123457, ISBN 9780201379624)', () => {
    expect(valid(parseBarcode('5901234123457')).gtin).toBe('05901234123457');
    expect(valid(parseBarcode('9780201379624')).gtin).toBe('09780201379624');
  });

  it('names the expected check digit when it is wrong (required example)', () => {
    expect(invalid(parseBarcode('4006381333932'))).toEqual({
      code: 'bad-check-digit',
      message: 'EAN-13 "4006381333932" has check digit 2, expected 1',
      position: 12,
    });
  });
});

describe('EAN-8', () => {
  it('reads the published example 96385074', () => {
    const value = valid(parseBarcode('96385074'));
    expect(value.format).toBe('ean-8');
    expect(value.gtin).toBe('00000096385074');
    expect(value.restricted).toBeUndefined();
  });

  it('rejects a wrong check digit with the expected one', () => {
    expect(invalid(parseBarcode('96385075'))).toMatchObject({
      code: 'bad-check-digit',
      message: 'EAN-8 "96385075" has check digit 5, expected 4',
    });
  });

  it('flags RCN-8 (first digit 2) as restricted', () => {
    const value = valid(parseBarcode('20123451'));
    expect(value).toMatchObject({ format: 'ean-8', gtin: '00000020123451', restricted: true });
  });
});

describe('UPC-A', () => {
  it('reads the published example 036000291452', () => {
    expect(valid(parseBarcode('036000291452'))).toMatchObject({ format: 'upc-a', gtin: '00036000291452' });
  });

  it('rejects a wrong check digit', () => {
    expect(invalid(parseBarcode('036000291453'))).toMatchObject({
      code: 'bad-check-digit',
      message: 'UPC-A "036000291453" has check digit 3, expected 2',
      position: 11,
    });
  });

  it('flags number systems 2 (variable measure) and 4 (in-store) as restricted', () => {
    // UPC-A 2xxxxxxxxxxx is GTIN-13 02xxxxxxxxxxx: GS1 Prefix 02.
    expect(valid(parseBarcode('200000012342'))).toMatchObject({ format: 'upc-a', restricted: true });
    expect(valid(parseBarcode('400000012346'))).toMatchObject({ format: 'upc-a', restricted: true });
    expect(valid(parseBarcode('036000291452')).restricted).toBeUndefined();
  });
});

describe('UPC-E', () => {
  it('expands 01234565 to GTIN 00012345000065 (required example)', () => {
    expect(valid(parseBarcode('01234565'))).toMatchObject({ format: 'upc-e', gtin: '00012345000065' });
  });

  // One example per zero-suppression class of the last data digit d6.
  it.each([
    ['04252614', '042100005264', 'd6 = 1 (0-2): published example'],
    ['01234505', '012000003455', 'd6 = 0'],
    ['01234523', '012200003453', 'd6 = 2'],
    ['05936631', '059300000661', 'd6 = 3: 593663 -> 59300 00066'],
    ['01234543', '012340000053', 'd6 = 4'],
    ['01234565', '012345000065', 'd6 = 6 (5-9)'],
    ['01234572', '012345000072', 'd6 = 7 (5-9)'],
    ['06543217', '065100004327', 'd6 = 7, other digits'],
  ])('expands %s to UPC-A %s (%s)', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(valid(parseBarcode(upcE))).toMatchObject({ format: 'upc-e', gtin: `00${upcA}` });
  });

  it('does not expand what cannot be a UPC-E', () => {
    expect(expandUpcE('21234565')).toBeUndefined();
    expect(expandUpcE('0123456')).toBeUndefined();
    expect(expandUpcE('0123456x')).toBeUndefined();
  });

  it('names the expected check digit and the UPC-A it expands to', () => {
    const error = invalid(parseBarcode(']E001234566'));
    expect(error.code).toBe('bad-check-digit');
    expect(error.message).toBe(
      'UPC-E "01234566" has check digit 6, expected 5 (it expands to UPC-A 012345000065)',
    );
    expect(error.position).toBe(10);
  });
});

describe('8 digits without symbology identifier', () => {
  it('prefers UPC-E for a leading 0 even when the EAN-8 check also fits', () => {
    // 01234565 passes both checks; EAN-8s starting with 0 are company-internal RCN-8s.
    expect(valid(parseBarcode('01234565')).format).toBe('upc-e');
  });

  it('prefers EAN-8 for a leading 1 when both checks fit', () => {
    expect(valid(parseBarcode('11234562'))).toMatchObject({ format: 'ean-8', gtin: '00000011234562' });
  });

  it('falls back to UPC-E when only the UPC-E check fits', () => {
    expect(valid(parseBarcode('14252611'))).toMatchObject({ format: 'upc-e', gtin: '00142100005261' });
  });

  it('reports both readings when neither check fits', () => {
    const error = invalid(parseBarcode('01234560'));
    expect(error.code).toBe('bad-check-digit');
    expect(error.message).toContain('UPC-E "01234560" has check digit 0, expected 5');
    expect(error.message).toContain('read as EAN-8, expected 5');
  });
});

describe('AIM symbology identifiers for EAN/UPC', () => {
  it(']E4 forces EAN-8', () => {
    expect(valid(parseBarcode(']E401234565'))).toMatchObject({
      format: 'ean-8',
      symbology: ']E4',
      gtin: '00000001234565',
      restricted: true,
    });
  });

  it(']E0 with 8 digits is UPC-E, with 12 UPC-A, with 13 EAN-13', () => {
    expect(valid(parseBarcode(']E001234565'))).toMatchObject({ format: 'upc-e', symbology: ']E0' });
    expect(valid(parseBarcode(']E0036000291452'))).toMatchObject({ format: 'upc-a' });
    expect(valid(parseBarcode(']E04006381333931'))).toMatchObject({
      format: 'ean-13',
      gtin: '04006381333931',
    });
  });

  it(']E0 UPC-E must start with number system 0 or 1', () => {
    expect(invalid(parseBarcode(']E096385074')).code).toBe('bad-character');
  });

  it(']E3 splits off a 2- or 5-digit add-on', () => {
    expect(valid(parseBarcode(']E3978020137962490000'))).toMatchObject({
      format: 'ean-13',
      gtin: '09780201379624',
      addOn: '90000',
    });
    expect(valid(parseBarcode(']E3400638133393112'))).toMatchObject({ addOn: '12' });
    expect(invalid(parseBarcode(']E34006381333931')).code).toBe('bad-length');
  });

  it('rejects a wrong length or a letter for the identifier given', () => {
    expect(invalid(parseBarcode(']E41234567'))).toMatchObject({ code: 'bad-length' });
    expect(invalid(parseBarcode(']E04006381333')).code).toBe('bad-length');
    expect(invalid(parseBarcode(']E040063813A3931'))).toMatchObject({ code: 'bad-character', position: 11 });
  });

  it('parses EAN-13 carried by another symbology by its digits', () => {
    expect(valid(parseBarcode(']C04006381333931'))).toMatchObject({ format: 'ean-13', symbology: ']C0' });
  });
});

describe('GTIN-14', () => {
  it('reads 14 digits as GTIN-14', () => {
    expect(valid(parseBarcode('19506000134359'))).toMatchObject({
      format: 'gtin-14',
      gtin: '19506000134359',
    });
  });

  it('a GTIN-14 starting 01 stays a GTIN-14, not an element string', () => {
    expect(valid(parseBarcode('01234567890128')).format).toBe('gtin-14');
  });

  it('rejects a wrong check digit', () => {
    expect(invalid(parseBarcode('19506000134358'))).toMatchObject({
      code: 'bad-check-digit',
      message: 'GTIN-14 "19506000134358" has check digit 8, expected 9',
    });
  });
});

describe('input hygiene', () => {
  it('trims CR/LF, tabs and spaces around the scan', () => {
    expect(valid(parseBarcode('4006381333931\r\n'))).toMatchObject({ input: '4006381333931' });
    expect(valid(parseBarcode('  4006381333931\t'))).toMatchObject({ input: '4006381333931' });
  });

  it('reports an empty scan', () => {
    expect(invalid(parseBarcode(''))).toMatchObject({ code: 'empty' });
    expect(invalid(parseBarcode(' \r\n'))).toMatchObject({ code: 'empty' });
    expect(invalid(parseBarcode(']E0'))).toMatchObject({ code: 'empty' });
  });

  it('reports digits of no known length', () => {
    expect(invalid(parseBarcode('12345'))).toMatchObject({ code: 'bad-length' });
    expect(invalid(parseBarcode('123456789012345'))).toMatchObject({ code: 'bad-length' });
  });

  it('reports text of no known format', () => {
    expect(invalid(parseBarcode('hello world'))).toMatchObject({ code: 'unknown-format' });
    expect(invalid(parseBarcode(']Q1hello'))).toMatchObject({ code: 'unknown-format' });
  });

  it('flags EAN-13 restricted circulation numbers (prefix 20-29) without failing them', () => {
    expect(valid(parseBarcode('2123456789010'))).toMatchObject({ format: 'ean-13', restricted: true });
  });
});
