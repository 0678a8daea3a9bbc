import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp.js';

const repo = resolve(import.meta.dirname, '../../..');
const bin = join(repo, 'scripts/bin/vitrine.mjs');
const tempDir = useTempDir();

/** Runs the real `vitrine` command in its own process, as a technician would. */
function vitrine(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repo });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function generatedCatalog(products = 300): { dir: string; feed: string; db: string } {
  const dir = tempDir();
  const feed = join(dir, 'catalog.jsonl');
  const db = join(dir, 'catalog.db');
  expect(vitrine('catalog', 'generate', '--products', String(products), '--out', feed).code).toBe(0);
  const imported = vitrine('catalog', 'import', feed, '--db', db, '--json');
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'vitrine-jsonl', products, problems: 0 });
  return { dir, feed, db };
}

describe('vitrine catalog (real process, real files)', () => {
  it('generates a deterministic catalog: header, stores, products with variants, prices and stock', () => {
    const { dir, feed } = generatedCatalog();
    const lines = readFileSync(feed, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'vitrine-catalog', version: 1 });
    const records = lines.slice(1).map((l) => JSON.parse(l) as { type: string; variants?: unknown[] });
    expect(records.filter((r) => r.type === 'store')).toHaveLength(8);
    expect(records.filter((r) => r.type === 'product')).toHaveLength(300);
    expect(records.every((r) => r.type !== 'product' || (r.variants?.length ?? 0) >= 1)).toBe(true);
    const again = join(dir, 'again.jsonl');
    vitrine('catalog', 'generate', '--products', '300', '--out', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(feed, 'utf8'));
  });

  it('searches with a typo and looks up a generated barcode', () => {
    const { feed, db } = generatedCatalog();
    const search = vitrine('catalog', 'search', 'chelsae', '--db', db, '--store', 'BER-MITTE', '--json');
    expect(search.code).toBe(0);
    const result = JSON.parse(search.stdout) as {
      hits: { title: string }[];
      corrections: Record<string, string[]>;
    };
    expect(result.corrections).toEqual({ chelsae: ['chelsea'] });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => /chelsea/i.test(h.title))).toBe(true);

    const product = readFileSync(feed, 'utf8')
      .split('\n')
      .find((l) => l.includes('"type":"product"'))!;
    const variant = (JSON.parse(product) as { id: string; variants: { sku: string; gtin: string }[] })
      .variants[0]!;
    const lookup = vitrine('catalog', 'lookup', variant.gtin, '--db', db, '--store', 'BER-MITTE');
    expect(lookup.code).toBe(0);
    expect(lookup.stdout).toContain(`▶ ${variant.sku}`);
  });

  it('says why a code found nothing, with exit code 1', () => {
    const { db } = generatedCatalog(20);
    const unknown = vitrine('catalog', 'lookup', '5901234123457', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('not found: no product has the code 05901234123457');
    const bad = vitrine('catalog', 'lookup', '5901234123458', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not found: .*check digit 8, expected 7/);
  });

  it('imports the good rows of a feed with bad rows, lists each bad row, and keeps what was stored', () => {
    const { dir, db } = generatedCatalog(20);
    const feed = join(dir, 'feed.tsv');
    writeFileSync(
      feed,
      [
        'id\ttitle\tprice\tgtin\tbrand',
        'NEW-1\tHarbor Linen Shirt\t49.95 EUR\t4006381333931\tVela',
        'NEW-2\tBroken Price Shirt\t49,95\t\tVela',
        'NEW-3\tBad Gtin Shirt\t19.95 EUR\t4006381333932\tVela',
        '',
      ].join('\n'),
    );
    const run = vitrine('catalog', 'import', feed, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/feed\.tsv:3: price: /);
    expect(run.stderr).toMatch(/feed\.tsv:4: gtin: /);
    const search = vitrine('catalog', 'search', 'harbor linen', '--db', db, '--json');
    expect((JSON.parse(search.stdout) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([
      'NEW-1',
    ]);
    const counts = vitrine('catalog', 'search', '', '--db', db, '--limit', '200', '--json');
    expect((JSON.parse(counts.stdout) as { hits: unknown[] }).hits).toHaveLength(21);
  });

  it('refuses a broken XML feed whole and changes nothing', () => {
    const { dir, db } = generatedCatalog(20);
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>\n<item><g:id>X1</g:id><g:title>Ok</g:title><g:price>10.00 EUR</g:price></item>\n<item><g:id>X2</g:id>\n</channel></rss>\n',
    );
    const run = vitrine('catalog', 'import', feed, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/feed\.xml:\d+:/);
    const all = vitrine('catalog', 'search', '', '--db', db, '--limit', '200', '--json');
    expect((JSON.parse(all.stdout) as { hits: unknown[] }).hits).toHaveLength(20);
  });

  it('exits 2 for a missing database or file, and never creates the database by searching', () => {
    const dir = tempDir();
    const db = join(dir, 'none.db');
    const search = vitrine('catalog', 'search', 'boot', '--db', db);
    expect(search.code).toBe(2);
    expect(search.stderr).toContain('no catalog here; import a feed first');
    expect(existsSync(db)).toBe(false);
    expect(vitrine('catalog', 'import', join(dir, 'missing.tsv'), '--db', db).code).toBe(2);
    expect(vitrine('catalog', 'generate', '--products', 'many', '--out', join(dir, 'x.jsonl')).code).toBe(2);
  });
});
