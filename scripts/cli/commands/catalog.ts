import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { parseFeed } from '../../../shared/catalog/index.js';
import { formatMinor, parseAmount } from '../../../shared/catalog/money.js';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import type { FeedFormat } from '../../../shared/catalog/types.js';
import type { PriceView, ProductView, SearchFilters } from '../../../shared/catalog/views.js';
import { openCatalog, type Catalog } from '../../../main/runtime/catalog/index.js';
import { withDemoModels, type DemoModelFile } from '../../models/demo-models.js';
import { CliExit, err, out, readTextOrExit } from '../io.js';

const feedFormats: FeedFormat[] = [
  'merchant-tsv',
  'merchant-xml',
  'local-inventory-tsv',
  'local-inventory-xml',
  'vitrine-json',
  'vitrine-jsonl',
];

export function registerCatalogCommand(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('the offline catalog: import feeds, search, look up, generate');

  catalog
    .command('import')
    .description(
      'import a Merchant Center product or local inventory feed (TSV or XML), or a Vitrine JSON/JSONL catalog',
    )
    .argument('<file>', 'the feed file')
    .requiredOption('--db <path>', 'catalog database file (created if missing)')
    .option('--store <code>', 'store code for a local inventory feed without a store_code column')
    .option('--format <format>', `force the format: ${feedFormats.join(', ')}`)
    .option('--json', 'print the summary as JSON')
    .action((file: string, opts: { db: string; store?: string; format?: string; json?: boolean }) => {
      importFeed(file, opts);
    });

  catalog
    .command('search')
    .description('search the catalog as the kiosk does (prefix, typo tolerance, filters)')
    .argument('<query>', 'words to search for ("" to browse by filters)')
    .requiredOption('--db <path>', 'catalog database file')
    .option('--store <code>', 'store whose prices and stock to show')
    .option('--category <path>', 'category path, e.g. "Shoes > Sneakers"')
    .option('--size <size...>', 'sizes')
    .option('--color <color...>', 'colours')
    .option('--min-price <amount>', 'lowest current price, e.g. 50 or 49.95')
    .option('--max-price <amount>', 'highest current price')
    .option('--currency <code>', 'currency of --min-price/--max-price', 'EUR')
    .option('--in-stock', 'only products in stock at --store')
    .option('--limit <n>', 'results to show', '20')
    .option('--json', 'print the result as JSON')
    .action((query: string, opts: SearchOptions) => {
      search(query, opts);
    });

  catalog
    .command('lookup')
    .description('find the product for a barcode (any GTIN form, GS1, Digital Link), SKU or product id')
    .argument('<code>', 'the code')
    .requiredOption('--db <path>', 'catalog database file')
    .option('--store <code>', 'store whose prices and stock to show')
    .option('--json', 'print the result as JSON')
    .action((code: string, opts: { db: string; store?: string; json?: boolean }) => {
      lookup(code, opts);
    });

  catalog
    .command('generate')
    .description(
      'write a realistic synthetic catalog (fashion and footwear, stores, prices, stock) as Vitrine JSON Lines',
    )
    .requiredOption('--products <n>', 'number of products')
    .requiredOption('--out <file>', 'output file (.jsonl)')
    .option('--stores <n>', 'number of stores (1-10)', '8')
    .option('--seed <n>', 'random seed; the same seed gives the same catalog', '42')
    .option('--no-models', 'leave out the 3D models (GLB files in models/ beside --out) of a few products')
    .action((opts: GenerateOptions) => {
      generate(opts);
    });
}

function importFeed(
  file: string,
  opts: { db: string; store?: string; format?: string; json?: boolean },
): void {
  if (opts.format !== undefined && !feedFormats.includes(opts.format as FeedFormat)) {
    err(`--format: "${opts.format}" is not one of ${feedFormats.join(', ')}`);
    throw new CliExit(2);
  }
  const text = readTextOrExit(file);
  const started = performance.now();
  const parsed = parseFeed(text, {
    fileName: basename(file),
    ...(opts.format === undefined ? {} : { format: opts.format as FeedFormat }),
    ...(opts.store === undefined ? {} : { storeCode: opts.store }),
  });
  const catalog = openCatalog(opts.db);
  try {
    const applied = catalog.apply(parsed.batch);
    const seconds = (performance.now() - started) / 1000;
    const problems = [...parsed.problems, ...applied.problems];
    for (const p of problems) {
      err(
        `${file}:${p.line === null ? '' : `${String(p.line)}:`} ${p.field === undefined ? '' : `${p.field}: `}${p.message}`,
      );
    }
    const summary = {
      file,
      format: parsed.format,
      rowsRead: parsed.rowsRead,
      rowsAccepted: parsed.rowsAccepted,
      stores: applied.stores,
      products: applied.products,
      variants: applied.variants,
      prices: applied.prices,
      stock: applied.stock,
      problems: problems.length,
      seconds: Number(seconds.toFixed(3)),
    };
    if (opts.json === true) {
      out(JSON.stringify(summary, null, 2));
    } else {
      out(
        `${file} (${parsed.format}): ${String(parsed.rowsAccepted)} of ${String(parsed.rowsRead)} rows accepted; ` +
          `applied ${String(applied.products)} products, ${String(applied.variants)} variants, ${String(applied.prices)} prices, ` +
          `${String(applied.stock)} stock rows, ${String(applied.stores)} stores in ${seconds.toFixed(2)} s` +
          (problems.length > 0 ? `; ${String(problems.length)} problems (listed above)` : ''),
      );
    }
    if (problems.length > 0) throw new CliExit(1);
  } finally {
    catalog.close();
  }
}

interface SearchOptions {
  db: string;
  store?: string;
  category?: string;
  size?: string[];
  color?: string[];
  minPrice?: string;
  maxPrice?: string;
  currency: string;
  inStock?: boolean;
  limit: string;
  json?: boolean;
}

function search(query: string, opts: SearchOptions): void {
  const filters: SearchFilters = {};
  if (opts.category !== undefined) filters.category = opts.category;
  if (opts.size !== undefined) filters.sizes = opts.size;
  if (opts.color !== undefined) filters.colors = opts.color;
  if (opts.minPrice !== undefined)
    filters.minPrice = amountOrExit('--min-price', opts.minPrice, opts.currency);
  if (opts.maxPrice !== undefined)
    filters.maxPrice = amountOrExit('--max-price', opts.maxPrice, opts.currency);
  if (opts.inStock === true) {
    if (opts.store === undefined) {
      err('--in-stock needs --store: stock is counted per store');
      throw new CliExit(2);
    }
    filters.inStockHere = true;
  }
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    err(`--limit: "${opts.limit}" is not a whole number from 1 to 200`);
    throw new CliExit(2);
  }
  withCatalog(opts.db, (catalog) => {
    const result = catalog.reader.search({
      text: query,
      filters,
      limit,
      ...(opts.store === undefined ? {} : { storeCode: opts.store }),
    });
    if (opts.json === true) {
      out(JSON.stringify(result, null, 2));
      return;
    }
    for (const [word, alternatives] of Object.entries(result.corrections)) {
      out(`(also searched "${alternatives.join('", "')}" for "${word}")`);
    }
    if (result.hits.length === 0) out('no products found');
    for (const hit of result.hits) {
      const stock = hit.stockHere === undefined ? '' : `  ${String(hit.stockHere)} here`;
      out(
        `${hit.id}  ${hit.title}${hit.brand === undefined ? '' : ` — ${hit.brand}`}  ${price(hit.price)}${stock}`,
      );
    }
    if (result.hasMore) out(`… more results; raise --limit`);
  });
}

function lookup(code: string, opts: { db: string; store?: string; json?: boolean }): void {
  withCatalog(opts.db, (catalog) => {
    const { result, barcode } = catalog.reader.lookup(code, opts.store);
    if (opts.json === true) out(JSON.stringify({ result, barcode }, null, 2));
    if (result === null) {
      const why = barcode.ok
        ? `no product has the code ${barcode.value.gtin ?? code}`
        : barcode.error.message;
      err(`not found: ${why}`);
      throw new CliExit(1);
    }
    if (opts.json !== true) printProduct(result.product, result.variantSku, opts.store);
  });
}

function printProduct(product: ProductView, variantSku: string | null, store: string | undefined): void {
  out(`${product.id}  ${product.title}${product.brand === undefined ? '' : ` — ${product.brand}`}`);
  if (product.categoryPath.length > 0) out(`  ${product.categoryPath.join(' > ')}`);
  for (const v of product.variants) {
    const mark = v.sku === variantSku ? '▶' : ' ';
    const what = [v.color, v.size].filter((x) => x !== undefined).join(' / ');
    const stock = store === undefined ? '' : `  ${String(v.stockHere ?? 0)} in ${store}`;
    out(` ${mark} ${v.sku}  ${what}  ${price(v.price)}${stock}  ${v.gtins.join(' ')}`);
  }
}

interface GenerateOptions {
  products: string;
  out: string;
  stores: string;
  seed: string;
  models: boolean;
}

function generate(opts: GenerateOptions): void {
  const products = Number(opts.products);
  const stores = Number(opts.stores);
  const seed = Number(opts.seed);
  if (!Number.isInteger(products) || products < 1 || products > 10_000_000) {
    err(`--products: "${opts.products}" is not a whole number from 1 to 10000000`);
    throw new CliExit(2);
  }
  if (!Number.isInteger(stores) || stores < 1 || stores > 10) {
    err(`--stores: "${opts.stores}" is not a whole number from 1 to 10`);
    throw new CliExit(2);
  }
  if (!Number.isInteger(seed)) {
    err(`--seed: "${opts.seed}" is not a whole number`);
    throw new CliExit(2);
  }
  if (!/\.(jsonl|ndjson)$/i.test(opts.out)) {
    err(`--out: "${opts.out}" should end in .jsonl: the generator writes Vitrine JSON Lines`);
    throw new CliExit(2);
  }
  const fd = openSync(opts.out, 'w');
  let buffered: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, buffered.join(''));
    buffered = [];
    size = 0;
  };
  const models: DemoModelFile[] = [];
  const records = syntheticCatalog({ products, stores, seed });
  try {
    for (const record of opts.models ? withDemoModels(records, dirname(opts.out), models) : records) {
      const line = `${JSON.stringify(record)}\n`;
      buffered.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  out(`wrote ${String(products)} products and ${String(stores)} stores to ${opts.out}`);
  for (const model of models)
    out(`  3D model for ${model.productId}: ${model.path} (${(model.bytes / 1024).toFixed(0)} KB)`);
}

function withCatalog(db: string, use: (catalog: Catalog) => void): void {
  if (!existsSync(db)) {
    err(`${db}: no catalog here; import a feed first: npx vitrine catalog import FILE --db ${db}`);
    throw new CliExit(2);
  }
  const catalog = openCatalog(db);
  try {
    use(catalog);
  } finally {
    catalog.close();
  }
}

function amountOrExit(option: string, text: string, currency: string): number {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) {
    err(`${option}: ${parsed.error}`);
    throw new CliExit(2);
  }
  return parsed.minor;
}

function price(view: PriceView | undefined): string {
  if (view === undefined) return 'no price';
  const now = formatMinor(view.current, view.currency, 'en-US');
  const was = view.sale === undefined ? '' : ` (was ${formatMinor(view.regular, view.currency, 'en-US')})`;
  const member =
    view.member === undefined ? '' : ` member ${formatMinor(view.member, view.currency, 'en-US')}`;
  return `${now}${was}${member}`;
}
