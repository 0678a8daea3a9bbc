/**
 * Strict JSON text with positions: syntax errors with line and column, the line of any JSON path,
 * and duplicate keys. jsonc-parser gives the syntax tree with offsets; JSON.parse stays the
 * authority on the value, so what we validate is exactly what a JSON reader sees.
 */
import { findNodeAtLocation, type Node, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';

export type JsonSegment = string | number;

export interface JsonDocument {
  value: unknown;
  root: Node;
  /** Offset of the first character of each line; line n (1-based) starts at lineStarts[n - 1]. */
  lineStarts: number[];
}

export interface JsonSyntaxError {
  line: number;
  message: string;
}

export type JsonParse = { ok: true; document: JsonDocument } | { ok: false; error: JsonSyntaxError };

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

function snippet(text: string, offset: number, length: number): string {
  const found = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  return found === '' ? 'the end of the file' : JSON.stringify(found);
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** What a technician should read for each jsonc-parser error code. */
function describeSyntaxError(text: string, error: ParseError): { offset: number; message: string } {
  const at = snippet(text, error.offset, error.length);
  const next = text[error.offset];
  // ParseErrorCode is a const enum, which verbatimModuleSyntax can't import; its names are stable.
  const code = printParseErrorCode(error.error);
  switch (code) {
    case 'PropertyNameExpected':
    case 'ValueExpected': {
      const comma = previousNonSpace(text, error.offset);
      if ((next === '}' || next === ']') && text[comma] === ',') {
        return {
          offset: comma,
          message: `trailing comma before "${next}": JSON allows no comma after the last entry`,
        };
      }
      return {
        offset: error.offset,
        message:
          code === 'PropertyNameExpected'
            ? `expected a key in double quotes, found ${at}`
            : `expected a value, found ${at}`,
      };
    }
    case 'InvalidSymbol':
      return {
        offset: error.offset,
        message: next === "'" ? `strings and keys need double quotes, found ${at}` : `unexpected ${at}`,
      };
    case 'CommaExpected':
      return { offset: error.offset, message: `expected "," between entries, found ${at}` };
    case 'ColonExpected':
      return { offset: error.offset, message: `expected ":" after the key, found ${at}` };
    case 'CloseBraceExpected':
      return { offset: error.offset, message: `expected "}" to close the object, found ${at}` };
    case 'CloseBracketExpected':
      return { offset: error.offset, message: `expected "]" to close the list, found ${at}` };
    case 'EndOfFileExpected':
      return { offset: error.offset, message: `unexpected ${at} after the end of the JSON value` };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset: error.offset, message: 'comments are not allowed in JSON' };
    case 'UnexpectedEndOfString':
      return { offset: error.offset, message: 'string is not closed with a double quote' };
    case 'InvalidCharacter':
      return { offset: error.offset, message: 'a string contains a raw tab or line break; write \\t or \\n' };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return { offset: error.offset, message: `invalid escape in a string: ${at}` };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset: error.offset, message: `invalid number ${at}` };
    default:
      return { offset: error.offset, message: `invalid JSON at ${at}` };
  }
}

/**
 * Parses strict JSON (no comments, no trailing commas). Only the first syntax error is reported:
 * after it the parser is guessing, and the errors that follow are usually echoes of the first.
 */
export function parseJsonText(input: string): JsonParse {
  // Editors on Windows may save a byte order mark; it is not JSON but also not the technician's mistake.
  const text = input.startsWith('\uFEFF') ? ` ${input.slice(1)}` : input;
  if (text.trim() === '') return { ok: false, error: { line: 1, message: 'the file is empty' } };
  const lineStarts = computeLineStarts(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const described =
      first === undefined ? { offset: 0, message: 'no JSON value' } : describeSyntaxError(text, first);
    const { line, column } = positionOf(lineStarts, described.offset);
    return { ok: false, error: { line, message: `${described.message} (column ${String(column)})` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // jsonc-parser accepted something JSON.parse refuses; trust JSON.parse, without a line.
    return { ok: false, error: { line: 1, message: error instanceof Error ? error.message : String(error) } };
  }
  return { ok: true, document: { value, root, lineStarts } };
}

/** The deepest node that exists along `path`, with how much of the path it covers. */
function deepestNode(root: Node, path: readonly JsonSegment[]): { node: Node; depth: number } {
  for (let depth = path.length; depth > 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node !== undefined) return { node, depth };
  }
  return { node: root, depth: 0 };
}

/**
 * The line to show for a problem at `path`: the value's line when it exists, the line of the key
 * for a key inside an object (so an unknown key points at itself), else the nearest existing
 * parent (a missing key points at the object that lacks it).
 */
export function lineOfPath(document: JsonDocument, path: readonly JsonSegment[]): number {
  const { node, depth } = deepestNode(document.root, path);
  const property = depth === path.length && node.parent?.type === 'property' ? node.parent : node;
  return positionOf(document.lineStarts, property.offset).line;
}

export interface DuplicateKey {
  path: JsonSegment[];
  key: string;
  line: number;
  firstLine: number;
}

/** Keys that appear twice in one object. JSON.parse keeps the last silently; a copy-paste slip hides there. */
export function findDuplicateKeys(document: JsonDocument): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const visit = (node: Node, path: JsonSegment[]): void => {
    if (node.type === 'array') {
      node.children?.forEach((child, index) => {
        visit(child, [...path, index]);
      });
      return;
    }
    if (node.type !== 'object') return;
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const line = positionOf(document.lineStarts, keyNode.offset).line;
      const firstLine = seen.get(key);
      if (firstLine === undefined) seen.set(key, line);
      else found.push({ path, key, line, firstLine });
      if (valueNode !== undefined) visit(valueNode, [...path, key]);
    }
  };
  visit(document.root, []);
  return found;
}
