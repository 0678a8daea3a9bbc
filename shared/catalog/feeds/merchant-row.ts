import type { FeedProblem } from '../types.js';
import { problem } from './problems.js';
import { readTsv } from './tsv-reader.js';

/**
 * One product (or local inventory) row of a Merchant Center feed, whatever the encoding: the
 * attribute names as the product data specification spells them (lower case, no `g:`), each
 * with the values found (a TSV cell gives one, repeated XML elements give several).
 */
export interface MerchantRow {
  /** 1-based line of the TSV row, or of the `<item>` / `<entry>` start tag. */
  line: number;
  values: Map<string, string[]>;
}

export interface MerchantRowsResult {
  rows: MerchantRow[];
  /** Attribute names present in the file (TSV: the header; XML: any item). */
  columns: Set<string>;
  problems: FeedProblem[];
  /** Line of the TSV header row; null for XML. */
  headerLine: number | null;
  /** Data rows seen, including malformed ones that produced no MerchantRow. */
  rowsRead: number;
  /** A problem with the whole file (no header, broken XML): no rows are usable. */
  fatal: boolean;
}

/** `g:Image Link` → `image_link`: Merchant Center header names are case-insensitive. */
export function attributeName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^g:/, '')
    .replace(/[\s-]+/g, '_');
}

/** The first non-empty value of an attribute. */
export function first(row: MerchantRow, name: string): string | undefined {
  const values = row.values.get(name);
  return values === undefined ? undefined : values[0];
}

/** Splits TSV text into rows by its header. Repeated columns add values to one attribute. */
export function readMerchantTsvRows(text: string): MerchantRowsResult {
  const { records, fatal } = readTsv(text);
  const problems: FeedProblem[] = [];
  const columns = new Set<string>();
  const header = records[0];
  if (header === undefined) {
    if (fatal) problems.push(problem(fatal.line, undefined, fatal.message));
    else
      problems.push(problem(null, undefined, 'the file is empty (expected a header row of attribute names)'));
    return { rows: [], columns, problems, headerLine: null, rowsRead: 0, fatal: true };
  }
  if (header.error !== undefined) {
    problems.push(problem(header.line, 'header', header.error));
    return { rows: [], columns, problems, headerLine: header.line, rowsRead: 0, fatal: true };
  }
  if (header.fields.length < 2 && /[,;]/.test(header.fields[0] ?? '')) {
    problems.push(
      problem(
        header.line,
        'header',
        'has no tabs: Merchant Center text feeds are tab-separated, not comma-separated',
      ),
    );
    return {
      rows: [],
      columns,
      problems,
      headerLine: header.line,
      rowsRead: records.length - 1,
      fatal: true,
    };
  }
  const names = header.fields.map(attributeName);
  for (const name of names) if (name !== '') columns.add(name);
  const rows: MerchantRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (record === undefined) continue;
    if (record.error !== undefined) {
      problems.push(problem(record.line, undefined, record.error));
      continue;
    }
    if (record.fields.length > names.length) {
      // A stray tab shifts every later column; importing such a row would misfile its values.
      problems.push(
        problem(
          record.line,
          undefined,
          `has ${String(record.fields.length)} fields but the header has ${String(names.length)} (a stray tab?)`,
        ),
      );
      continue;
    }
    const values = new Map<string, string[]>();
    for (let c = 0; c < record.fields.length; c++) {
      const name = names[c];
      const value = record.fields[c]?.trim();
      if (name === undefined || name === '' || value === undefined || value === '') continue;
      const existing = values.get(name);
      if (existing === undefined) values.set(name, [value]);
      else existing.push(value);
    }
    rows.push({ line: record.line, values });
  }
  if (fatal)
    problems.push(problem(fatal.line, undefined, `${fatal.message}; the rest of the file is not read`));
  // The record cut short by an unclosed quote counts as read (and refused).
  const rowsRead = records.length - 1 + (fatal ? 1 : 0);
  return { rows, columns, problems, headerLine: header.line, rowsRead, fatal: false };
}
