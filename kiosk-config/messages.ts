/**
 * Human messages for zod issues, passed to `safeParse` as its error map. Zod's own texts
 * ("Invalid input: expected number, received string") are written for developers; a store
 * technician editing JSON needs the value they wrote and what to write instead. Messages a schema
 * sets itself take precedence over this map (zod: schema error > parse error map > locale).
 */
import type { z } from 'zod';
import { suggest } from './did-you-mean.js';
import { describeValue, listValues } from './describe-value.js';

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  null: 'null',
};

function lastKey(path: readonly PropertyKey[] | undefined): string | null {
  const last = path?.[path.length - 1];
  return typeof last === 'string' ? last : null;
}

function bound(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

function sizeMessage(
  direction: 'small' | 'big',
  origin: string,
  limit: number | bigint,
  inclusive: boolean,
  input: unknown,
): string {
  const n = bound(limit);
  if (origin === 'string') {
    if (direction === 'small' && n === '1') return 'must not be empty';
    return direction === 'small' ? `must have at least ${n} characters` : `must have at most ${n} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    if (direction === 'small' && n === '1') return 'must have at least one entry';
    return direction === 'small' ? `must have at least ${n} entries` : `must have at most ${n} entries`;
  }
  const relation =
    direction === 'small'
      ? inclusive
        ? `at least ${n}`
        : `more than ${n}`
      : inclusive
        ? `at most ${n}`
        : `less than ${n}`;
  return `must be ${relation}, got ${describeValue(input)}`;
}

function oneOf(values: readonly unknown[], input: unknown): string {
  if (input === undefined) return `required key is missing; expected ${listValues(values)}`;
  const strings = values.filter((value): value is string => typeof value === 'string');
  const guess = typeof input === 'string' ? suggest(input, strings) : null;
  const hint = guess === null ? '' : ` — did you mean "${guess}"?`;
  return `expected ${listValues(values)}, got ${describeValue(input)}${hint}`;
}

/** The error map: one readable sentence per issue, naming what was found. */
export const humanErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        // The path already names the key; an array element or the root has no key to name.
        const key = lastKey(issue.path);
        return key === null ? 'a value is required here' : 'required key is missing';
      }
      // z.int() reports a non-number as expecting "number"; its format says an integer is wanted.
      const def: object | undefined = issue.inst?._zod.def;
      const wantsInteger = def !== undefined && 'format' in def && def.format === 'safeint';
      const expected = wantsInteger ? 'an integer' : (EXPECTED[issue.expected] ?? issue.expected);
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'too_small':
      return sizeMessage('small', issue.origin, issue.minimum, issue.inclusive ?? true, issue.input);
    case 'too_big':
      return sizeMessage('big', issue.origin, issue.maximum, issue.inclusive ?? true, issue.input);
    case 'invalid_value':
      return oneOf(issue.values, issue.input);
    case 'invalid_union':
      // A discriminated union whose tag (`mode`, `kind`) is missing or unknown: name the tags.
      if (issue.discriminator !== undefined && 'options' in issue && Array.isArray(issue.options)) {
        const input: unknown = issue.input;
        const tag =
          typeof input === 'object' && input !== null
            ? (input as Record<string, unknown>)[issue.discriminator]
            : undefined;
        return oneOf(issue.options, tag);
      }
      return `does not match any allowed form, got ${describeValue(issue.input)}`;
    case 'invalid_format':
      return `has the wrong format (${issue.format}), got ${describeValue(issue.input)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      // The loader splits this into one problem per key, each with its own line and suggestion.
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${listValues(issue.keys)}`;
    default:
      return undefined;
  }
};
