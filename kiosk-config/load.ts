/**
 * Turning config text into a KioskConfig, or into every problem the file has, each with its JSON
 * path and line. Errors are values here (STYLE.md §11): the CLI prints them, the runtime refuses
 * to start with them, the hub shows them next to a pushed config.
 */
import type { z } from 'zod';
import { suggest } from './did-you-mean.js';
import { listValues } from './describe-value.js';
import {
  findDuplicateKeys,
  lineOfPath,
  parseJsonText,
  type JsonDocument,
  type JsonSegment,
} from './json-text.js';
import { humanErrorMap } from './messages.js';
import { kioskConfigSchema, type KioskConfig } from './schema.js';
import { allowedKeysAt, variantsWithKey } from './schema-keys.js';

export interface ConfigProblem {
  /** Where in the JSON, e.g. `hardware.scanners[0].vendorId`; '' for the file as a whole. */
  path: string;
  /** 1-based line in the file, or null when the config did not come from text. */
  line: number | null;
  /** What is wrong and, where we can tell, what to write instead. */
  message: string;
}

/** `syntax`: the text is not JSON (the CLI exits 2). `invalid`: JSON, but not a valid config (exit 1). */
export type ConfigProblemKind = 'syntax' | 'invalid';

export type ConfigParseResult =
  { ok: true; config: KioskConfig } | { ok: false; kind: ConfigProblemKind; problems: ConfigProblem[] };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `hardware.scanners[0].vendorId`; keys that are not identifiers are written `["a key"]`. */
export function formatJsonPath(path: readonly JsonSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${String(segment)}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** One line for a terminal or a log: `file:LINE: json.path: what is wrong`. */
export function formatProblem(problem: ConfigProblem, fileName: string): string {
  const where = problem.line === null ? fileName : `${fileName}:${String(problem.line)}`;
  return problem.path === ''
    ? `${where}: ${problem.message}`
    : `${where}: ${problem.path}: ${problem.message}`;
}

function jsonSegments(path: readonly PropertyKey[]): JsonSegment[] {
  return path.filter(
    (segment): segment is JsonSegment => typeof segment === 'string' || typeof segment === 'number',
  );
}

function unknownKeyMessage(data: unknown, parent: JsonSegment[], key: string): string {
  const variants = variantsWithKey(kioskConfigSchema, parent, data, key);
  if (variants !== null) {
    return `unknown key "${key}" here: it only applies when "${variants.discriminator}" is ${listValues(variants.tags)}`;
  }
  // Keys already present stay candidates: "scaners" next to "scanners" is a duplicate to merge.
  const guess = suggest(key, allowedKeysAt(kioskConfigSchema, parent, data));
  return guess === null ? `unknown key "${key}"` : `unknown key "${key}" — did you mean "${guess}"?`;
}

function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  lineOf: (path: readonly JsonSegment[]) => number | null,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const path = jsonSegments(issue.path);
    if (issue.code === 'unrecognized_keys') {
      // One problem per key, each on its own line, so the technician can fix them in order.
      for (const key of issue.keys) {
        problems.push({
          path: formatJsonPath(path),
          line: lineOf([...path, key]),
          message: unknownKeyMessage(data, path, key),
        });
      }
    } else {
      problems.push({ path: formatJsonPath(path), line: lineOf(path), message: issue.message });
    }
  }
  return problems;
}

/** Problems in reading order: by line, then as zod found them; exact repeats dropped. */
function tidy(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = (line: number | null): number => line ?? Number.MAX_SAFE_INTEGER;
  return unique
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => order(a.problem.line) - order(b.problem.line) || a.index - b.index)
    .map(({ problem }) => problem);
}

function validate(
  data: unknown,
  lineOf: (path: readonly JsonSegment[]) => number | null,
  extra: readonly ConfigProblem[],
): ConfigParseResult {
  const result = kioskConfigSchema.safeParse(data, { error: humanErrorMap });
  const problems = [
    ...extra,
    ...(result.success ? [] : problemsFromIssues(result.error.issues, data, lineOf)),
  ];
  if (problems.length > 0 || !result.success) return { ok: false, kind: 'invalid', problems: tidy(problems) };
  return { ok: true, config: result.data };
}

/**
 * Validates an already-parsed value (a config pushed by the hub, a test fixture). Problems carry
 * no line numbers; use parseConfigText when there is text.
 */
export function parseConfigValue(value: unknown): ConfigParseResult {
  return validate(value, () => null, []);
}

/** Parses and validates config file text, reporting every problem at once. */
export function parseConfigText(text: string): ConfigParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      kind: 'syntax',
      problems: [{ path: '', line: parsed.error.line, message: parsed.error.message }],
    };
  }
  const document: JsonDocument = parsed.document;
  const duplicates = findDuplicateKeys(document).map((duplicate) => ({
    path: formatJsonPath(duplicate.path),
    line: duplicate.line,
    message: `key "${duplicate.key}" appears twice (first on line ${String(duplicate.firstLine)}); JSON keeps only the last, so remove one`,
  }));
  return validate(document.value, (path) => lineOfPath(document, path), duplicates);
}
