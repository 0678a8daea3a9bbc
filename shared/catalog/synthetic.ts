/**
 * A realistic synthetic catalog — fashion and footwear with variants, stores with locations,
 * prices and stock — for demos, tests and benchmarks. Deterministic for a seed, so a benchmark
 * run and its peers see the same products, and a failing test can be replayed.
 *
 * It yields records of the documented Vitrine JSON Lines format (FORMAT.md), line by line, so a
 * 100,000-product file never has to sit in memory whole.
 */
import { gtinCheckDigit } from '../barcode/gtin.js';

export interface SyntheticOptions {
  products: number;
  seed?: number;
  /** Default 8 stores, up to the number of cities below. */
  stores?: number;
}

const cities = [
  {
    code: 'BER-MITTE',
    name: 'Berlin Mitte',
    city: 'Berlin',
    street: 'Rosenthaler Str. 40',
    postal: '10178',
    lat: 52.5246,
    lon: 13.4021,
  },
  {
    code: 'BER-KUDAMM',
    name: 'Berlin Kurfürstendamm',
    city: 'Berlin',
    street: 'Kurfürstendamm 21',
    postal: '10719',
    lat: 52.5035,
    lon: 13.3318,
  },
  {
    code: 'HAM-JUNGFERNSTIEG',
    name: 'Hamburg Jungfernstieg',
    city: 'Hamburg',
    street: 'Jungfernstieg 16',
    postal: '20354',
    lat: 53.5526,
    lon: 9.9924,
  },
  {
    code: 'MUC-KAUFINGER',
    name: 'München Kaufingerstraße',
    city: 'München',
    street: 'Kaufingerstr. 9',
    postal: '80331',
    lat: 48.1371,
    lon: 11.5714,
  },
  {
    code: 'CGN-SCHILDERGASSE',
    name: 'Köln Schildergasse',
    city: 'Köln',
    street: 'Schildergasse 72',
    postal: '50667',
    lat: 50.9363,
    lon: 6.9528,
  },
  {
    code: 'FRA-ZEIL',
    name: 'Frankfurt Zeil',
    city: 'Frankfurt am Main',
    street: 'Zeil 106',
    postal: '60313',
    lat: 50.1147,
    lon: 8.6845,
  },
  {
    code: 'VIE-MARIAHILFER',
    name: 'Wien Mariahilfer Straße',
    city: 'Wien',
    street: 'Mariahilfer Str. 77',
    postal: '1060',
    lat: 48.1986,
    lon: 16.3482,
    country: 'AT',
    tz: 'Europe/Vienna',
  },
  {
    code: 'DUS-KOE',
    name: 'Düsseldorf Königsallee',
    city: 'Düsseldorf',
    street: 'Königsallee 60',
    postal: '40212',
    lat: 51.2236,
    lon: 6.7802,
  },
  {
    code: 'STR-KOENIG',
    name: 'Stuttgart Königstraße',
    city: 'Stuttgart',
    street: 'Königstr. 27',
    postal: '70173',
    lat: 48.7784,
    lon: 9.1775,
  },
  {
    code: 'LEJ-PETERS',
    name: 'Leipzig Petersstraße',
    city: 'Leipzig',
    street: 'Petersstr. 36',
    postal: '04109',
    lat: 51.3378,
    lon: 12.3741,
  },
];

interface Family {
  category: [string, string];
  nouns: string[];
  sizes: string[];
  price: [number, number];
  materials: string[];
}

const families: Family[] = [
  {
    category: ['Shoes', 'Sneakers'],
    nouns: ['Sneaker', 'Runner', 'Trainer', 'Court Sneaker', 'Slip-On'],
    sizes: eu(36, 46),
    price: [59, 179],
    materials: ['Leather', 'Suede', 'Canvas', 'Knit', 'Mesh'],
  },
  {
    category: ['Shoes', 'Boots'],
    nouns: ['Chelsea Boot', 'Ankle Boot', 'Hiking Boot', 'Lace-Up Boot', 'Desert Boot'],
    sizes: eu(36, 46),
    price: [99, 249],
    materials: ['Leather', 'Suede', 'Nubuck'],
  },
  {
    category: ['Shoes', 'Sandals'],
    nouns: ['Sandal', 'Slide', 'Espadrille'],
    sizes: eu(36, 45),
    price: [39, 119],
    materials: ['Leather', 'Cork', 'Raffia'],
  },
  {
    category: ['Shoes', 'Loafers'],
    nouns: ['Loafer', 'Moccasin', 'Penny Loafer'],
    sizes: eu(38, 46),
    price: [89, 199],
    materials: ['Leather', 'Suede'],
  },
  {
    category: ['Clothing', 'Jackets'],
    nouns: ['Parka', 'Bomber Jacket', 'Rain Jacket', 'Denim Jacket', 'Puffer Jacket', 'Blazer'],
    sizes: letters(),
    price: [79, 299],
    materials: ['Cotton', 'Wool', 'Nylon', 'Denim', 'Recycled Polyester'],
  },
  {
    category: ['Clothing', 'Shirts'],
    nouns: ['Oxford Shirt', 'T-Shirt', 'Polo Shirt', 'Linen Shirt', 'Henley'],
    sizes: letters(),
    price: [19, 89],
    materials: ['Cotton', 'Linen', 'Organic Cotton', 'Jersey'],
  },
  {
    category: ['Clothing', 'Knitwear'],
    nouns: ['Cardigan', 'Crewneck Sweater', 'Turtleneck', 'Hoodie'],
    sizes: letters(),
    price: [39, 159],
    materials: ['Merino', 'Cashmere', 'Cotton', 'Wool'],
  },
  {
    category: ['Clothing', 'Trousers'],
    nouns: ['Chinos', 'Jeans', 'Joggers', 'Cargo Trousers', 'Pleated Trousers'],
    sizes: ['28', '30', '32', '34', '36', '38'],
    price: [49, 149],
    materials: ['Cotton', 'Denim', 'Twill', 'Corduroy'],
  },
  {
    category: ['Clothing', 'Dresses'],
    nouns: ['Midi Dress', 'Wrap Dress', 'Shirt Dress', 'Slip Dress'],
    sizes: letters(),
    price: [49, 189],
    materials: ['Viscose', 'Cotton', 'Silk', 'Linen'],
  },
  {
    category: ['Accessories', 'Bags'],
    nouns: ['Tote Bag', 'Backpack', 'Crossbody Bag', 'Weekender'],
    sizes: ['One Size'],
    price: [39, 259],
    materials: ['Leather', 'Canvas', 'Nylon'],
  },
  {
    category: ['Accessories', 'Belts'],
    nouns: ['Belt', 'Braided Belt'],
    sizes: ['80', '85', '90', '95', '100'],
    price: [25, 79],
    materials: ['Leather', 'Suede'],
  },
  {
    category: ['Accessories', 'Scarves'],
    nouns: ['Scarf', 'Beanie', 'Gloves'],
    sizes: ['One Size'],
    price: [19, 99],
    materials: ['Wool', 'Cashmere', 'Merino'],
  },
];

const brands = [
  'Northfield',
  'Vela',
  'Kestrel',
  'Marlow & Co',
  'Ondra',
  'Tessel',
  'Brightwater',
  'Halden',
  'Solène',
  'Ardent',
  'Fjell',
  'Corvo',
];
const adjectives = [
  'Classic',
  'Urban',
  'Alpine',
  'Coastal',
  'Heritage',
  'Everyday',
  'Trail',
  'Studio',
  'Weekend',
  'Nordic',
  'Vintage',
  'Essential',
  'Metro',
  'Riviera',
  'Summit',
  'Harbor',
];
const colors = [
  'Black',
  'White',
  'Navy',
  'Olive',
  'Sand',
  'Burgundy',
  'Grey',
  'Tan',
  'Red',
  'Blue',
  'Green',
  'Cream',
  'Brown',
  'Pink',
];
const genders = ['female', 'male', 'unisex'];
const fits = ['a relaxed fit', 'a slim fit', 'a regular fit', 'an easy, roomy fit'];
const details = [
  'a cushioned footbed for all-day comfort',
  'reinforced stitching at every stress point',
  'a water-repellent finish',
  'tonal hardware and a clean silhouette',
  'a breathable lining',
  'a grippy rubber outsole',
  'hand-finished edges',
  'recycled trims',
];

function eu(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
function letters(): string[] {
  return ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
}

/** mulberry32: a small, fast, well-distributed PRNG; plenty for synthetic data and test seeds. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid EAN-13 from GS1 Germany's prefix range (400-440), numbered sequentially. */
export function syntheticGtin(n: number): string {
  const data = `40${String(n).padStart(10, '0')}`;
  return data + String(gtinCheckDigit(data));
}

export function productId(n: number): string {
  return `P${String(n).padStart(6, '0')}`;
}

/** Yields the header, the stores, then the products of a synthetic catalog as JSON Lines records. */
export function* syntheticCatalog(options: SyntheticOptions): Generator<Record<string, unknown>> {
  const rnd = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const storeCount = Math.min(options.stores ?? 8, cities.length);
  const stores = cities.slice(0, storeCount);
  yield { format: 'vitrine-catalog', version: 1 };
  for (const s of stores) {
    const weekday = [{ open: '10:00', close: '20:00' }];
    yield {
      type: 'store',
      code: s.code,
      name: s.name,
      address: s.street,
      city: s.city,
      postalCode: s.postal,
      country: s.country ?? 'DE',
      location: { lat: s.lat, lon: s.lon },
      timeZone: s.tz ?? 'Europe/Berlin',
      hours: {
        mon: weekday,
        tue: weekday,
        wed: weekday,
        thu: weekday,
        fri: weekday,
        sat: [{ open: '10:00', close: '18:00' }],
        sun: [],
      },
    };
  }
  let gtinCounter = 1;
  for (let n = 1; n <= options.products; n++) {
    const family = pick(families);
    const brand = pick(brands);
    const material = pick(family.materials);
    const noun = pick(family.nouns);
    const title = `${pick(adjectives)} ${material} ${noun}`;
    const regular = Math.round(family.price[0] + rnd() * (family.price[1] - family.price[0])) * 100 - 5;
    const onSale = rnd() < 0.2;
    const colorCount = 1 + Math.floor(rnd() * 3);
    const productColors = new Set<string>();
    while (productColors.size < colorCount) productColors.add(pick(colors));
    // Not every size of every colour: a product has 2-6 variants.
    const sizeStart = Math.floor(rnd() * Math.max(1, family.sizes.length - 2));
    const sizeCount = Math.min(
      family.sizes.length - sizeStart,
      family.sizes.length === 1 ? 1 : 2 + Math.floor(rnd() * 3),
    );
    const sizes = family.sizes.slice(sizeStart, sizeStart + sizeCount);
    const carriedBy = stores.filter(() => rnd() < 0.7);
    const id = productId(n);
    const variants: Record<string, unknown>[] = [];
    for (const color of productColors) {
      for (const size of sizes) {
        if (variants.length >= 6) break;
        const stock: Record<string, number> = {};
        for (const store of carriedBy) stock[store.code] = rnd() < 0.25 ? 0 : 1 + Math.floor(rnd() * 8);
        const price: Record<string, unknown> = {
          currency: 'EUR',
          regular: (regular / 100).toFixed(2),
          member: ((Math.round(regular * 0.9) - (Math.round(regular * 0.9) % 5)) / 100).toFixed(2),
        };
        if (onSale) price.sale = ((regular * 0.7 - ((regular * 0.7) % 5)) / 100).toFixed(2);
        variants.push({
          sku: `${id}-${color.toUpperCase()}-${size.replace(/\s+/g, '')}`,
          gtin: syntheticGtin(gtinCounter++),
          size,
          color,
          price,
          stock,
        });
      }
    }
    const related = [1, 2, 3]
      .map(() => productId(1 + Math.floor(rnd() * options.products)))
      .filter((r) => r !== id);
    yield {
      type: 'product',
      id,
      title,
      brand,
      category: family.category,
      description: `The ${title.toLowerCase()} by ${brand}, in ${material.toLowerCase()} with ${pick(fits)} and ${pick(details)}.`,
      gender: pick(genders),
      material,
      media: [
        { kind: 'image', url: `https://images.example.com/${id}/front.jpg`, alt: `${title}, front view` },
        { kind: 'image', url: `https://images.example.com/${id}/side.jpg`, alt: `${title}, side view` },
      ],
      variants,
      recommendations: [
        ...related.slice(0, 2).map((productId) => ({ kind: 'cross-sell', productId })),
        ...related.slice(2).map((productId) => ({ kind: 'up-sell', productId })),
      ],
    };
  }
}
