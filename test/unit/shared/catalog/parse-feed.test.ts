import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFeedFormat, parseFeed } from '../../../../shared/catalog/index.js';
import type { FeedFormat } from '../../../../shared/catalog/index.js';
import { feed, printed } from './fixtures.js';

const fixtures: [string, FeedFormat][] = [
  ['merchant-products.tsv', 'merchant-tsv'],
  ['merchant-products-bad.tsv', 'merchant-tsv'],
  ['merchant-products.xml', 'merchant-xml'],
  ['merchant-products.atom', 'merchant-xml'],
  ['local-inventory.tsv', 'local-inventory-tsv'],
  ['local-inventory-no-store.tsv', 'local-inventory-tsv'],
  ['local-inventory.xml', 'local-inventory-xml'],
  ['catalog.json', 'vitrine-json'],
  ['catalog.jsonl', 'vitrine-jsonl'],
];

describe('parseFeed: format detection', () => {
  it.each(fixtures)('%s by its name is %s', (name, format) => {
    expect(detectFeedFormat(feed(name), name)).toEqual({ ok: true, format });
  });

  it.each(fixtures)('%s by its content alone is %s', (name, format) => {
    expect(detectFeedFormat(feed(name))).toEqual({ ok: true, format });
  });

  it('tells a one-line .json document from a JSON Lines header', () => {
    expect(detectFeedFormat('{"format":"vitrine-catalog","version":1,"products":[]}')).toEqual({
      ok: true,
      format: 'vitrine-json',
    });
    expect(detectFeedFormat('{"format":"vitrine-catalog","version":1}\n')).toEqual({
      ok: true,
      format: 'vitrine-jsonl',
    });
  });

  it('knows a local inventory header without store_code by itemid or quantity without title', () => {
    expect(detectFeedFormat('id\tquantity\nA\t1\n')).toEqual({ ok: true, format: 'local-inventory-tsv' });
    expect(detectFeedFormat('id\ttitle\tprice\n')).toEqual({ ok: true, format: 'merchant-tsv' });
  });

  it('lets an explicit format win over detection', () => {
    const result = parseFeed(feed('local-inventory-no-store.tsv'), {
      format: 'local-inventory-tsv',
      storeCode: 'BER',
    });
    expect(result.format).toBe('local-inventory-tsv');
    expect(result.batch.stock).toHaveLength(3);
  });

  it('dispatches to the detected parser and passes the store on', () => {
    const result = parseFeed(feed('local-inventory-no-store.tsv'), {
      fileName: 'inventory.txt',
      storeCode: 'BER-MITTE',
    });
    expect(result).toMatchObject({ format: 'local-inventory-tsv', rowsAccepted: 3 });
    expect(result.batch.stock[0]?.storeCode).toBe('BER-MITTE');
  });

  it('returns one problem and no rows for an unknown format', () => {
    const result = parseFeed('hello world', { fileName: 'notes.md' });
    expect(result.format).toBeNull();
    expect(result.rowsRead).toBe(0);
    expect(printed(result.problems)).toEqual([
      'cannot tell the feed format of "notes.md": expected a Merchant Center TSV or XML feed, a local inventory feed, or a Vitrine .json/.jsonl catalog',
    ]);
  });

  it('says a comma-separated file is not a Merchant Center text feed', () => {
    const result = parseFeed('id,title,price\nA,B,1.00 EUR\n', { fileName: 'products.csv' });
    expect(printed(result.problems)).toEqual([
      'line 1: "products.csv" looks comma-separated: Merchant Center text feeds are tab-separated (export as TSV)',
    ]);
  });
});

describe('parseFeed: robustness', () => {
  const names = [undefined, 'a.tsv', 'a.txt', 'a.xml', 'a.atom', 'a.json', 'a.jsonl', 'a.ndjson', 'a.bin'];
  const samples = fixtures.map(([name]) => feed(name));

  /** Valid feeds with random damage: the inputs most likely to reach deep code paths. */
  const damaged = fc
    .tuple(
      fc.constantFrom(...samples),
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    )
    .map(([text, at, cut, insert]) => {
      const position = at % (text.length + 1);
      return text.slice(0, position) + insert + text.slice(position + cut);
    });

  it('never throws, and every problem has a line within the file or none', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), damaged),
        fc.constantFrom(...names),
        fc.option(fc.constantFrom<FeedFormat>('merchant-tsv', 'local-inventory-xml', 'vitrine-jsonl'), {
          nil: undefined,
        }),
        (text, fileName, format) => {
          const options = {
            storeCode: 'BER',
            ...(fileName === undefined ? {} : { fileName }),
            ...(format === undefined ? {} : { format }),
          };
          const result = parseFeed(text, options);
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const problem of result.problems) {
            if (problem.line !== null) {
              expect(problem.line).toBeGreaterThanOrEqual(1);
              expect(problem.line).toBeLessThanOrEqual(lines);
            }
          }
          expect(result.rowsAccepted).toBeLessThanOrEqual(result.rowsRead);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
