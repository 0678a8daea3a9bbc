import { describe, expect, it } from 'vitest';
import { formatBracketed, formatElementString, parseBarcode } from '../../../../shared/barcode/index.js';
import type { BarcodeResult } from '../../../../shared/barcode/index.js';
import { invalid, valid } from './expect-result.js';

const now = new Date('2024-06-01T00:00:00Z');
const parse = (text: string): BarcodeResult => parseBarcode(text, { now });

describe('GS1 Digital Link', () => {
  it('reads key, qualifiers and query attributes', () => {
    const value = valid(parse('https://id.example.com/01/09506000134352/10/ABC123/21/12345?17=201225'));
    expect(value).toMatchObject({
      format: 'digital-link',
      gtin: '09506000134352',
      batch: 'ABC123',
      serial: '12345',
      expiry: '2020-12-25',
      link: { host: 'id.example.com', pathPrefix: '' },
    });
    expect(value.ais.map((a) => a.ai)).toEqual(['01', '10', '21', '17']);
    expect(formatBracketed(value.ais)).toBe('(01)09506000134352(10)ABC123(21)12345(17)201225');
    expect(formatElementString(value.ais)).toBe('010950600013435210ABC123\x1d2112345\x1d17201225');
  });

  it('accepts a path prefix before the primary key', () => {
    expect(valid(parse('https://example.com/shop/products/01/09506000134352/10/L1'))).toMatchObject({
      gtin: '09506000134352',
      batch: 'L1',
      link: { host: 'example.com', pathPrefix: '/shop/products' },
    });
  });

  it('reads the path from the right, so prefix segments may look like AIs', () => {
    expect(valid(parse('https://example.com/10/01/09506000134352')).link).toEqual({
      host: 'example.com',
      pathPrefix: '/10',
    });
  });

  it.each([
    ['9506000134352', 'GTIN-13'],
    ['036000291452', 'GTIN-12'],
    ['96385074', 'GTIN-8'],
  ])('pads a %s (%s) in the 01 position to 14 digits', (gtin) => {
    const value = valid(parse(`https://id.gs1.org/01/${gtin}`));
    expect(value.gtin).toBe(gtin.padStart(14, '0'));
    expect(value.ais[0]?.raw).toBe(gtin);
  });

  it('percent-decodes path and query values', () => {
    const value = valid(parse('https://id.example.com/01/09506000134352/10/AB%2F12%25?21=X%3D1'));
    expect(value.batch).toBe('AB/12%');
    expect(value.serial).toBe('X=1');
  });

  it('accepts upper case scheme and host (QR alphanumeric mode), http, a trailing slash and a fragment', () => {
    expect(valid(parse('HTTPS://ID.EXAMPLE.COM/01/09506000134352')).link?.host).toBe('id.example.com');
    expect(valid(parse('http://id.example.com/01/09506000134352/')).gtin).toBe('09506000134352');
    expect(valid(parse('https://id.example.com/01/09506000134352#top')).gtin).toBe('09506000134352');
  });

  it('ignores non-AI query parameters and reads measures from the query', () => {
    const value = valid(
      parse('https://id.example.com/01/09506000134352?linkType=gs1:pip&3103=000750&context=x'),
    );
    expect(value.netWeightKg).toBe(0.75);
    expect(value.ais).toHaveLength(2);
  });

  it('accepts Digital Link 1.0 short names', () => {
    expect(valid(parse('https://id.example.com/gtin/09506000134352/lot/ABC?exp=201225'))).toMatchObject({
      gtin: '09506000134352',
      batch: 'ABC',
      expiry: '2020-12-25',
    });
  });

  it('keeps the AIM identifier of the QR or DataMatrix symbol', () => {
    expect(valid(parse(']Q1https://id.example.com/01/09506000134352')).symbology).toBe(']Q1');
  });

  it('reports a GTIN with a wrong check digit', () => {
    const error = invalid(parse('https://id.example.com/01/09506000134353'));
    expect(error.code).toBe('bad-check-digit');
    expect(error.message).toContain('has check digit 3, expected 2');
  });

  it('reports a URL without a GS1 primary key', () => {
    expect(invalid(parse('https://example.com/about/us')).code).toBe('bad-link');
    expect(invalid(parse('https://example.com')).code).toBe('bad-link');
    expect(invalid(parse('https://example.com/01/09506000134352/10')).code).toBe('bad-link');
  });

  it('reports qualifiers out of order or not allowed after the key', () => {
    expect(invalid(parse('https://id.example.com/01/09506000134352/21/S/10/L'))).toMatchObject({
      code: 'bad-link',
    });
    expect(invalid(parse('https://id.example.com/01/09506000134352/17/201225')).code).toBe('bad-link');
  });

  it('reports bad percent-encoding, bad AI data, unknown numeric query AIs and conflicting repeats', () => {
    expect(invalid(parse('https://id.example.com/01/09506000134352/10/AB%ZZ')).code).toBe('bad-link');
    expect(invalid(parse('https://id.example.com/01/09506000134352?17=201332')).code).toBe('bad-date');
    expect(invalid(parse('https://id.example.com/01/09506000134352/10/A%20B')).code).toBe('bad-character');
    expect(invalid(parse('https://id.example.com/01/09506000134352?9999=1')).code).toBe('bad-ai');
    expect(invalid(parse('https://id.example.com/01/09506000134352/10/A?10=B')).code).toBe('bad-ai');
  });
});
