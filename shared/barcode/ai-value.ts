/**
 * Checks one AI's data against its GS1 format and decodes it. Shared by every way AIs arrive
 * (raw scan data, bracketed text, Digital Link URIs), so a date or check digit is judged the same
 * whichever way it came in.
 */
import type { AiSpec } from './ai-table.js';
import { parseGs1Date, parseGs1DateTime } from './gs1-date.js';
import { gtinCheckDigit } from './gtin.js';
import { fail, quote } from './step.js';
import type { Step } from './step.js';
import type { AiElement } from './types.js';

type Charset = 'N' | 'X' | 'Y';
interface Component {
  charset: Charset;
  min: number;
  max: number;
}

/**
 * GS1 AI encodable character set 82 (§7.11, Figure 7.11-1): digits, letters and
 * ! " % & ' ( ) * + , - . / : ; < = > ? _ — notably no space, #, $ or @.
 */
const CS82 = /^[!"%-?A-Z_a-z]$/;
/** Character set 39 (§7.11, Figure 7.11-2): digits, upper case, # - /. */
const CS39 = /^[#\-/0-9A-Z]$/;
const DIGIT = /^[0-9]$/;

const componentCache = new Map<string, Component[]>();

/** `N13+X..17` -> [{N,13,13},{X,0,17}]. A variable part after the first is optional in GS1. */
function components(format: string): Component[] {
  const cached = componentCache.get(format);
  if (cached) return cached;
  const parts = format.split('+').map((part, index): Component => {
    const match = /^([NXY])(\.\.)?(\d+)$/.exec(part);
    if (!match) throw new Error(`bad AI format ${format}`); // table bug, caught by tests
    const length = Number(match[3]);
    const charset = match[1] as Charset;
    if (match[2] === undefined) return { charset, min: length, max: length };
    return { charset, min: index === 0 ? 1 : 0, max: length };
  });
  componentCache.set(format, parts);
  return parts;
}

/** The data length of a fixed-length AI, or undefined when it is variable. */
export function fixedLength(spec: AiSpec): number | undefined {
  const parts = components(spec.format);
  return parts.every((p) => p.min === p.max) ? parts.reduce((sum, p) => sum + p.max, 0) : undefined;
}

/** The longest data an AI allows. */
export function maxLength(spec: AiSpec): number {
  return components(spec.format).reduce((sum, p) => sum + p.max, 0);
}

export function unitOf(spec: AiSpec): string {
  return components(spec.format).every((p) => p.charset === 'N') ? 'digits' : 'characters';
}

/** `AI (17) USE BY OR EXPIRY`, how messages name an AI. */
export function aiLabel(spec: AiSpec): string {
  return `AI (${spec.ai}) ${spec.title}`;
}

function checkLength(spec: AiSpec, data: string, at: number): Step<null> {
  const parts = components(spec.format);
  const min = parts.reduce((sum, p) => sum + p.min, 0);
  const max = maxLength(spec);
  const unit = unitOf(spec);
  if (data.length === 0) return fail('truncated', `${aiLabel(spec)} has no data`, at);
  if (data.length < min) {
    const need = min === max ? `${String(min)} ${unit}` : `at least ${String(min)} ${unit}`;
    return fail('truncated', `${aiLabel(spec)} needs ${need}, got ${String(data.length)}`, at);
  }
  if (data.length > max) {
    const allowed = min === max ? `exactly ${String(max)}` : `at most ${String(max)}`;
    return fail(
      'bad-length',
      `${aiLabel(spec)} has ${String(data.length)} ${unit}, ${allowed} allowed`,
      at + max,
    );
  }
  return { ok: true, value: null };
}

function checkCharacters(spec: AiSpec, data: string, at: number): Step<null> {
  let offset = 0;
  for (const part of components(spec.format)) {
    const end = part.min === part.max ? offset + part.max : data.length;
    for (let i = offset; i < Math.min(end, data.length); i++) {
      const char = data.charAt(i);
      const allowed = part.charset === 'N' ? DIGIT : part.charset === 'X' ? CS82 : CS39;
      if (!allowed.test(char)) {
        const what =
          part.charset === 'N'
            ? 'where a digit is required'
            : `which is not in GS1 character set ${part.charset === 'X' ? '82' : '39'}`;
        return fail('bad-character', `${aiLabel(spec)} contains ${quote(char)} ${what}`, at + i);
      }
    }
    offset = end;
  }
  return { ok: true, value: null };
}

/** Digits with `decimals` implied decimals, read exactly as their decimal text says. */
function impliedDecimal(digits: string, decimals: number): number {
  if (decimals === 0) return Number(digits);
  const padded = digits.padStart(decimals + 1, '0');
  return Number(`${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`);
}

/**
 * Validates `data` (the characters after the AI) and decodes it. `at` is the data's offset in the
 * scan, for error positions; `referenceYear` anchors two-digit years (§7.12).
 */
export function decodeAi(spec: AiSpec, data: string, at: number, referenceYear: number): Step<AiElement> {
  const length = checkLength(spec, data, at);
  if (!length.ok) return length;
  const characters = checkCharacters(spec, data, at);
  if (!characters.ok) return characters;
  const element = (value: string | number): Step<AiElement> => ({
    ok: true,
    value: { ai: spec.ai, title: spec.title, raw: data, value },
  });
  switch (spec.kind) {
    case 'check': {
      const keyLength = components(spec.format)[0]?.max ?? data.length;
      const key = data.slice(0, keyLength);
      const expected = gtinCheckDigit(key.slice(0, -1));
      const actual = Number(key.slice(-1));
      if (expected !== actual) {
        return fail(
          'bad-check-digit',
          `${aiLabel(spec)} ${quote(key)} has check digit ${String(actual)}, expected ${String(expected)}`,
          at + keyLength - 1,
        );
      }
      return element(data);
    }
    case 'date':
    case 'date-or-month': {
      const date = parseGs1Date(data, referenceYear, spec.kind === 'date-or-month');
      if (!date.ok) return fail('bad-date', `${aiLabel(spec)} date ${quote(data)}: ${date.reason}`, at);
      return element(date.iso);
    }
    case 'date-time': {
      const time = parseGs1DateTime(data, referenceYear);
      if (!time.ok) return fail('bad-date', `${aiLabel(spec)} ${quote(data)}: ${time.reason}`, at);
      return element(time.iso);
    }
    case 'count':
      return element(Number(data));
    case 'decimal':
      return element(impliedDecimal(data, Number(spec.ai.slice(-1))));
    case 'currency-decimal': {
      const amount = data.slice(3);
      if (amount === '') return fail('truncated', `${aiLabel(spec)} has a currency but no amount`, at + 3);
      const decoded = element(impliedDecimal(amount, Number(spec.ai.slice(-1))));
      if (decoded.ok) decoded.value.currency = data.slice(0, 3);
      return decoded;
    }
    case 'text':
      return element(data);
  }
}
