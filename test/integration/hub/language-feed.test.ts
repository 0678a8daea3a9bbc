/**
 * Merchant Center keeps one feed per content language. Imported with a language through the
 * admin API (as `vitrine hub import --language de` does), a German feed adds German texts to
 * the products the hub has, logged as changes for devices, and moves nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { useHubs } from './hub-fixture.js';

const hubs = useHubs();
const temp = useTempDir();

const english = readFileSync(join(repoRoot, 'test/fixtures/feeds/merchant-products.tsv'), 'utf8');

/** The same offers as the main feed, in German, at another price (which must not be taken). */
const german = [
  ['id', 'title', 'description', 'price', 'item_group_id', 'color', 'size'].join('\t'),
  [
    'AR-RED-42',
    'Air Runner Laufschuh - Rot / 42',
    'Ein leichter Laufschuh.',
    '1.00 EUR',
    'AR',
    'Rot',
    '42',
  ].join('\t'),
  [
    'AR-RED-43',
    'Air Runner Laufschuh - Rot / 43',
    'Ein leichter Laufschuh.',
    '1.00 EUR',
    'AR',
    'Rot',
    '43',
  ].join('\t'),
  ['AR-BLU-42', 'Air Runner Laufschuh - Blau / 42', '', '1.00 EUR', 'AR', 'Blau', '42'].join('\t'),
  ['GONE-1', 'Gibt es nicht', '', '1.00 EUR', '', '', ''].join('\t'),
].join('\n');

describe('a feed in another language', () => {
  it('adds its titles and descriptions as texts in that language, and nothing else', async () => {
    const test = await hubs.start(temp());
    const first = await test.admin('POST', 'import?file=products.tsv', english);
    expect(first.status).toBe(200);
    const before = await test.hub.store.getProduct('AR');
    const prices = await test.hub.store.pricesOf(['AR-RED-42']);

    const { status, json } = await test.admin('POST', 'import?file=products-de.tsv&language=DE', german);
    expect(status).toBe(200);
    const summary = json as {
      changed: Record<string, number>;
      problems: { field: string; message: string }[];
    };
    expect(summary.changed).toMatchObject({ products: 1, prices: 0, stock: 0, stores: 0 });
    expect(summary.problems).toEqual([
      {
        line: null,
        field: 'product GONE-1',
        message:
          'not in the catalog: a feed in "de" adds texts to products the hub has; import the catalog\'s own feed first',
      },
    ]);
    const after = await test.hub.store.getProduct('AR');
    expect(after).toEqual({
      ...before,
      translations: { de: { title: 'Air Runner Laufschuh', description: 'Ein leichter Laufschuh.' } },
    });
    expect(await test.hub.store.pricesOf(['AR-RED-42'])).toEqual(prices);

    // Importing it again changes nothing; a wrong language tag is refused, naming the field.
    const again = await test.admin('POST', 'import?file=products-de.tsv&language=de', german);
    expect((again.json as { changed: Record<string, number> }).changed.products).toBe(0);
    const bad = await test.admin('POST', 'import?file=products-de.tsv&language=german', german);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain(
      'language: \\"german\\" is not a language tag like \\"de\\" or \\"fr-CA\\"',
    );
  });
});
