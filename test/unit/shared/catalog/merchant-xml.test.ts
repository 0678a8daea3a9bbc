import { describe, expect, it } from 'vitest';
import { parseMerchantXml } from '../../../../shared/catalog/index.js';
import { feed, printed } from './fixtures.js';

describe('Merchant Center XML (RSS 2.0) product feed', () => {
  const result = parseMerchantXml(feed('merchant-products.xml'));

  it('reads every item', () => {
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ format: 'merchant-xml', rowsRead: 3, rowsAccepted: 3 });
  });

  it('groups items like TSV rows and reads plain and g: elements alike', () => {
    const boot = result.batch.products[0];
    expect(boot).toMatchObject({
      id: 'TB',
      // Both variants are black: the common prefix keeps the colour.
      title: 'Trail Boot - Black',
      brand: 'Kestrel',
      description: 'Waterproof <b>leather</b> boot with a grippy sole.',
      link: 'https://shop.example.com/p/trail-boot',
      categoryPath: ['Shoes', 'Boots'],
    });
    expect(boot?.variants.map((v) => [v.sku, v.title, v.size, v.gtins])).toEqual([
      ['TB-BLK-40', 'Trail Boot - Black / 40', '40', ['04012345000078']],
      ['TB-BLK-41', 'Trail Boot - Black / 41', '41', ['04012345000085']],
    ]);
  });

  it('collects repeated additional_image_link elements, deduplicated across variants', () => {
    expect(result.batch.products[0]?.media.map((m) => m.url)).toEqual([
      'https://img.example.com/tb-black.jpg',
      'https://img.example.com/tb-sole.jpg',
      'https://img.example.com/tb-back.jpg',
    ]);
  });

  it('skips nested sub-attributes: the shipping price is not the price', () => {
    expect(result.batch.prices[0]).toEqual({
      storeCode: null,
      sku: 'TB-BLK-40',
      currency: 'EUR',
      regular: 14900,
    });
    expect(result.batch.prices[1]).toMatchObject({
      sale: 11900,
      saleFrom: '2025-11-23T23:00:00.000Z',
      saleUntil: '2025-12-01T22:59:00.000Z',
    });
  });

  it('reads video and 3D model links, JPY prices and text categories', () => {
    expect(result.batch.products[1]).toMatchObject({
      id: 'VT-BAG',
      title: 'Vela Weekender',
      link: 'https://shop.example.com/p/weekender',
      categoryPath: ['Apparel & Accessories', 'Handbags'],
      media: [
        { kind: 'image', url: 'https://img.example.com/weekender.jpg' },
        { kind: 'video', url: 'https://video.example.com/weekender.mp4' },
        { kind: 'model', url: 'https://models.example.com/weekender.glb' },
      ],
    });
    expect(result.batch.prices[2]).toEqual({
      storeCode: null,
      sku: 'VT-BAG',
      currency: 'JPY',
      regular: 5800,
    });
  });
});

describe('Merchant Center Atom feed', () => {
  it('reads entries, with the link in href and the summary as description', () => {
    const result = parseMerchantXml(feed('merchant-products.atom'));
    expect(result.problems).toEqual([]);
    expect(result.batch.products).toEqual([
      {
        id: 'HD-SCARF',
        title: 'Halden Cashmere Scarf',
        description: 'Soft cashmere scarf.',
        link: 'https://shop.example.com/p/scarf',
        categoryPath: [],
        media: [{ kind: 'image', url: 'https://img.example.com/scarf.jpg' }],
        variants: [{ sku: 'HD-SCARF', gtins: ['04012345000092'] }],
      },
    ]);
  });
});

describe('Merchant Center XML with bad items', () => {
  it('reports each bad item at the line of its <item> and keeps the good ones', () => {
    const result = parseMerchantXml(feed('merchant-products-bad.xml'));
    expect(printed(result.problems)).toEqual([
      'line 9: price: "10,00 EUR" is not a price like "19.99 EUR" (the decimal separator is ".")',
      'line 14: gtin: "4012345000079" has check digit 9, expected 8',
      'line 20: id: "GOOD-1" is already used on line 4',
    ]);
    expect(result.batch.products.map((p) => p.id)).toEqual(['GOOD-1']);
    expect(result).toMatchObject({ rowsRead: 4, rowsAccepted: 1 });
  });

  it('returns nothing for broken XML, with the line of the syntax error', () => {
    const result = parseMerchantXml(feed('merchant-products-broken.xml'));
    expect(result.batch.products).toEqual([]);
    expect(result.rowsAccepted).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(11);
    expect(result.problems[0]?.message).toMatch(/^the XML is not well-formed: /);
  });

  it('refuses a document that is not RSS or Atom', () => {
    const result = parseMerchantXml('<products><product/></products>');
    expect(printed(result.problems)).toEqual([
      'line 1: the root element is <products>, expected <rss> (RSS 2.0) or <feed> (Atom)',
    ]);
  });

  it('takes only the text directly inside an attribute element', () => {
    const xml =
      '<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>A</g:id>' +
      '<g:title>Boot<g:note>junk</g:note></g:title><g:price>5.00 EUR</g:price></item></channel></rss>';
    expect(parseMerchantXml(xml).batch.products[0]?.title).toBe('Boot');
  });

  it('refuses unknown entities (HTML &nbsp; is not XML) at their line', () => {
    const result = parseMerchantXml(
      '<rss>\n<channel>\n<item><title>a&nbsp;b</title></item>\n</channel>\n</rss>',
    );
    expect(result.problems[0]?.line).toBe(3);
    expect(result.batch.products).toEqual([]);
  });
});
