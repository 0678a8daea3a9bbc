/**
 * JSON paths for problems (`products[3].variants[1].price`), zod issues turned into them, and
 * their line in a `.json` file (found with jsonc-parser, only when there is something to report).
 */
import { findNodeAtLocation, parse, parseTree } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { core } from 'zod';

export type PathSegment = string | number;

export interface PathError {
  path: PathSegment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${String(segment)}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** zod issues as path + message, with unions narrowed to the branch the input was meant for. */
export function issuesToErrors(
  issues: readonly core.$ZodIssue[],
  base: readonly PathSegment[] = [],
): PathError[] {
  const errors: PathError[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...path, key], message: 'is not a known key' });
    } else if (issue.code === 'invalid_union') {
      errors.push(...unionErrors(issue.errors, path));
    } else {
      errors.push({ path, message: issue.message.replace(/^(Invalid input|Too small|Too big): /, '') });
    }
  }
  return errors;
}

/**
 * A union fails in every branch. If each branch failed on the value's type, say which types
 * were expected; otherwise the input matched one branch's type, so report that branch's issues.
 */
function unionErrors(branches: readonly (readonly core.$ZodIssue[])[], path: PathSegment[]): PathError[] {
  const expected: string[] = [];
  let received = '';
  for (const branch of branches) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (only?.code === 'invalid_type' && only.path.length === 0) {
      expected.push(only.expected);
      received = /received (\w+)/.exec(only.message)?.[1] ?? received;
      continue;
    }
    return issuesToErrors(branch, path);
  }
  const got = received === '' ? '' : `, received ${received}`;
  return [{ path, message: `expected ${expected.join(' or ')}${got}` }];
}

/** Finds the line of a path in JSON text; falls back to the nearest existing ancestor. */
export class JsonLocator {
  private root: JsonNode | undefined;
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  line(path: readonly PathSegment[]): number | null {
    try {
      this.root ??= parseTree(this.text);
    } catch {
      return null;
    }
    if (this.root === undefined) return null;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, path.slice(0, length));
      if (node !== undefined)
        return this.lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return null;
  }

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1))
        this.lineStarts.push(i + 1);
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Where strict JSON parsing first fails (jsonc-parser, with comments and trailing commas refused). */
  syntaxErrorLine(): number | null {
    const errors: ParseError[] = [];
    parse(this.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    return first === undefined ? null : this.lineAt(first.offset);
  }
}
