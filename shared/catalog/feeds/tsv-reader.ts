/**
 * Tab-separated text as Merchant Center reads it ("text feeds", product data specification,
 * "Submit your product data": the first row names the attributes, one product per row). Fields
 * may be wrapped in double quotes, as spreadsheets export them, so that a value can hold a tab,
 * a line break or a quote (doubled: `""`), as in RFC 4180 with a tab for the comma.
 *
 * Why not csv-parse: its typings carry `/// <reference types="node" />` (both the Node and the
 * browser builds), which would put Node's globals (Buffer, process) into the pure `shared/`
 * project without an error, and its Node build calls `Buffer.from` at run time. This reader is
 * small, pure, and knows the line each record starts on, which the problems need.
 */

export interface TsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
  /** Set when this record is malformed (a stray quote); its fields are then unusable. */
  error?: string;
}

export interface TsvReadResult {
  records: TsvRecord[];
  /** Set when the text ends inside a quoted field: the records from that line on are lost. */
  fatal?: { line: number; message: string };
}

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Splits text into records. Blank lines (and lines of only tabs) are skipped; a BOM is ignored. */
export function readTsv(input: string): TsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: TsvRecord[] = [];
  const length = text.length;
  let line = 1;
  let pos = 0;
  while (pos < length) {
    const recordLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    // One iteration per field; the record ends at a line break or the end of the text.
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        const quoteLine = line;
        let parts = '';
        let start = pos + 1;
        let closed = false;
        let i = start;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              parts += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        if (!closed) {
          return {
            records,
            fatal: { line: quoteLine, message: 'a quoted field is never closed (missing ")' },
          };
        }
        value = parts + text.slice(start, i);
        pos = i + 1;
        const next = pos < length ? text.charCodeAt(pos) : LF;
        if (next !== TAB && next !== LF && next !== CR) {
          error ??= `field ${String(fields.length + 1)}: text after the closing quote (write a quote inside a quoted field as "")`;
          // Skip to the end of the field so the next record starts in the right place.
          while (pos < length) {
            const c = text.charCodeAt(pos);
            if (c === TAB || c === LF || c === CR) break;
            pos++;
          }
        }
      } else {
        let i = pos;
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === TAB || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(pos, i);
        pos = i;
      }
      fields.push(value);
      if (pos >= length) break;
      const c = text.charCodeAt(pos);
      if (c === TAB) {
        pos++;
        continue;
      }
      // A line break: \r\n, \n, or a lone \r.
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (fields.every((field) => field.trim() === '')) continue;
    records.push(error === undefined ? { line: recordLine, fields } : { line: recordLine, fields, error });
  }
  return { records };
}
