/**
 * The Vitrine catalog format (shared/catalog/FORMAT.md), in its two encodings:
 *   - `.json`: one document `{ "format": "vitrine-catalog", "version": 1, "stores": [...], ... }`.
 *   - `.jsonl` / `.ndjson`: a header line, then one record per line with a `"type"`. This is what
 *     `vitrine catalog generate` writes for large catalogs, so it is read line by line: one
 *     JSON.parse and one record check per line, no tree of the whole file.
 */
import type { FeedResult } from '../types.js';
import { JsonLocator } from './json-path.js';
import { issuesToErrors } from './json-path.js';
import { problem, sortProblems } from './problems.js';
import type { RecordKind } from './vitrine-collector.js';
import { VitrineCollector } from './vitrine-collector.js';
import { jsonDocumentSchema, jsonlHeaderSchema, VITRINE_FORMAT, VITRINE_VERSION } from './vitrine-schema.js';

const ARRAYS: readonly [key: 'stores' | 'products' | 'prices' | 'stock', kind: RecordKind][] = [
  ['stores', 'store'],
  ['products', 'product'],
  ['prices', 'price'],
  ['stock', 'stock'],
];

const KINDS = new Set<string>(['store', 'product', 'price', 'stock']);

export function parseVitrineJson(input: string): FeedResult {
  const text = stripBom(input);
  const locator = new JsonLocator(text);
  const collector = new VitrineCollector((path) => locator.line(path));
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const line = locator.syntaxErrorLine();
    collector.problems.push(problem(line, undefined, `not valid JSON: ${errorMessage(error)}`));
    return result('vitrine-json', collector);
  }
  const header = jsonDocumentSchema.safeParse(document);
  if (!header.success) {
    for (const error of issuesToErrors(header.error.issues))
      collector.report(null, error.path, error.message);
    return result('vitrine-json', collector);
  }
  if (header.data.version !== VITRINE_VERSION) {
    collector.report(null, ['version'], versionMessage(header.data.version));
    return result('vitrine-json', collector);
  }
  for (const [key, kind] of ARRAYS) {
    const records = header.data[key];
    if (records === undefined) continue;
    records.forEach((record, i) => {
      collector.add(kind, record, null, [key, i]);
    });
  }
  return result('vitrine-json', collector);
}

export function parseVitrineJsonl(input: string): FeedResult {
  const text = stripBom(input);
  const collector = new VitrineCollector(null);
  let lineNumber = 0;
  let start = 0;
  let headerSeen = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (!headerSeen) {
        collector.problems.push(
          problem(lineNumber, undefined, `the header is not valid JSON: ${errorMessage(error)}`),
        );
        break;
      }
      collector.rowsRead++;
      collector.problems.push(problem(lineNumber, undefined, `not valid JSON: ${errorMessage(error)}`));
      continue;
    }
    if (!headerSeen) {
      if (!checkHeader(value, lineNumber, collector)) break;
      headerSeen = true;
      continue;
    }
    const type = isObject(value) ? value.type : undefined;
    if (typeof type !== 'string' || !KINDS.has(type)) {
      collector.rowsRead++;
      const message =
        type === undefined
          ? 'a record needs a "type": "store", "product", "price" or "stock"'
          : `${JSON.stringify(type)} is not a record type (store, product, price, stock)`;
      collector.problems.push(problem(lineNumber, 'type', message));
      continue;
    }
    collector.add(type as RecordKind, value, lineNumber, []);
  }
  if (!headerSeen && collector.problems.length === 0) {
    collector.problems.push(
      problem(null, undefined, `the file is empty (expected the header ${headerExample()})`),
    );
  }
  return result('vitrine-jsonl', collector);
}

/** Line 1 must be `{"format":"vitrine-catalog","version":1}`; otherwise nothing is read. */
function checkHeader(value: unknown, line: number, collector: VitrineCollector): boolean {
  const header = jsonlHeaderSchema.safeParse(value);
  if (!header.success) {
    const looksLikeRecord = isObject(value) && 'type' in value;
    const message = looksLikeRecord
      ? `the header is missing: line 1 must be ${headerExample()}`
      : `is not the header ${headerExample()}: ${issuesToErrors(header.error.issues)
          .map((e) => `${e.path.join('.') || 'header'} ${e.message}`)
          .join('; ')}`;
    collector.problems.push(problem(line, undefined, message));
    return false;
  }
  if (header.data.version !== VITRINE_VERSION) {
    collector.problems.push(problem(line, 'version', versionMessage(header.data.version)));
    return false;
  }
  return true;
}

function headerExample(): string {
  return JSON.stringify({ format: VITRINE_FORMAT, version: VITRINE_VERSION });
}

function versionMessage(version: number): string {
  return `version ${String(version)} is not supported (this reader knows version ${String(VITRINE_VERSION)}); nothing was imported`;
}

function result(format: 'vitrine-json' | 'vitrine-jsonl', collector: VitrineCollector): FeedResult {
  return {
    format,
    batch: collector.batch,
    problems: sortProblems(collector.problems),
    rowsRead: collector.rowsRead,
    rowsAccepted: collector.rowsAccepted,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
