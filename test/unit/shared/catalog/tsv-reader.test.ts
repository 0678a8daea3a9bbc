import { describe, expect, it } from 'vitest';
import { readTsv } from '../../../../shared/catalog/feeds/tsv-reader.js';

describe('readTsv', () => {
  it('splits records and fields, with the line each record starts on', () => {
    expect(readTsv('a\tb\n1\t2\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    });
  });

  it('accepts CRLF, a lone CR, a BOM, blank lines and a missing final newline', () => {
    const { records } = readTsv('\ufeffa\tb\r\n\r\n1\t2\r3\t4\n\t\n5\t6');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 6, fields: ['5', '6'] },
    ]);
  });

  it('reads quoted fields with tabs, doubled quotes and line breaks', () => {
    const { records } = readTsv('"x\ty"\t"say ""hi"""\t""\n"two\r\nlines"\tz\nnext\t1\n');
    expect(records).toEqual([
      { line: 1, fields: ['x\ty', 'say "hi"', ''] },
      { line: 2, fields: ['two\r\nlines', 'z'] },
      { line: 4, fields: ['next', '1'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(readTsv('12" screen\tx\n').records).toEqual([{ line: 1, fields: ['12" screen', 'x'] }]);
  });

  it('marks a record with text after a closing quote, and goes on', () => {
    const { records } = readTsv('"a"b\tc\nd\te\n');
    expect(records[0]?.error).toContain('text after the closing quote');
    expect(records[1]).toEqual({ line: 2, fields: ['d', 'e'] });
  });

  it('stops at an unclosed quote and says where it opened', () => {
    expect(readTsv('a\tb\n1\t2\n"3\t4\n5\t6\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
      fatal: { line: 3, message: 'a quoted field is never closed (missing ")' },
    });
  });
});
