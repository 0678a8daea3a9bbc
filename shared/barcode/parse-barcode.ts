/**
 * parseBarcode: one entry point for every scan a kiosk sees, from a keypad, a keyboard-wedge
 * scanner (suffix CR/LF, maybe an AIM prefix) or an HID-POS scanner. It decides the format from
 * the AIM identifier and the text's shape, then hands the data to the matching parser.
 */
import { aiFields } from './ai-fields.js';
import { parseDigitalLink, looksLikeDigitalLink } from './digital-link.js';
import { parseEanUpc } from './ean-upc.js';
import { parseBracketed, parseElementString } from './element-string.js';
import { isRestrictedCirculation } from './restricted.js';
import { GS, quote } from './step.js';
import type { Step } from './step.js';
import { eanUpcHint, isGs1Symbology, splitSymbology } from './symbology.js';
import type {
  AiElement,
  BarcodeFormat,
  BarcodeOptions,
  BarcodeResult,
  InternalCodeRule,
  ParsedBarcode,
} from './types.js';

/**
 * The start of an element string sent without AIM id or leading FNC1 (a scanner configured to
 * send neither): AI 00 + 18 digits, or 01/02/03 + 14. Checked after the plain GTIN lengths are
 * ruled out, so a 14-digit GTIN starting with 01 stays a GTIN-14.
 */
const BARE_ELEMENT_STRING = /^(?:00\d{18}|0[1-3]\d{14})/;

const PLAIN_GTIN = /^(?:\d{8}|\d{12,14})$/;

function referenceYear(now: Date | undefined): number {
  const year = (now ?? new Date()).getUTCFullYear();
  return Number.isFinite(year) ? year : new Date().getUTCFullYear();
}

function matchInternal(data: string, rules: readonly InternalCodeRule[]): InternalCodeRule | undefined {
  return rules.find(
    (rule) =>
      rule.prefix !== '' &&
      data.startsWith(rule.prefix) &&
      (rule.length === undefined || data.length === rule.length),
  );
}

function result(
  format: BarcodeFormat,
  input: string,
  symbology: string | undefined,
  extra: Partial<ParsedBarcode>,
): BarcodeResult {
  const head = symbology === undefined ? { format, input } : { format, input, symbology };
  const value: ParsedBarcode = { ...head, ais: [], ...extra };
  if (value.gtin !== undefined && isRestrictedCirculation(value.gtin)) value.restricted = true;
  return { ok: true, value };
}

function fromAis(
  format: 'gs1' | 'digital-link',
  input: string,
  symbology: string | undefined,
  parsed: Step<AiElement[]>,
): BarcodeResult {
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) {
    return { ok: false, error: { code: 'empty', message: `${quote(input)} holds no GS1 data` } };
  }
  return result(format, input, symbology, { ais: parsed.value, ...aiFields(parsed.value) });
}

/** Parses one scan. Never throws: bad input comes back as `{ ok: false, error }`. */
export function parseBarcode(text: string, options: BarcodeOptions = {}): BarcodeResult {
  // Keyboard-wedge scanners end each scan with CR, LF or Tab; keypads add stray spaces.
  const input = text.trim();
  if (input === '') return { ok: false, error: { code: 'empty', message: 'the scan is empty' } };
  const { symbology, data } = splitSymbology(input);
  const at = input.length - data.length;
  if (data === '') {
    return {
      ok: false,
      error: { code: 'empty', message: `no data after the symbology identifier ${symbology ?? ''}` },
    };
  }
  const year = referenceYear(options.now);

  // Store rules come first: a store may deliberately claim a range that would also read as EAN-13.
  const rule = matchInternal(data, options.internalRules ?? []);
  if (rule) {
    const internal =
      rule.label === undefined
        ? { prefix: rule.prefix, code: data }
        : { prefix: rule.prefix, label: rule.label, code: data };
    return result('internal', input, symbology, { internal });
  }

  if (looksLikeDigitalLink(data)) {
    const link = parseDigitalLink(data, year);
    if (!link.ok) return link;
    const parsed = fromAis('digital-link', input, symbology, { ok: true, value: link.value.ais });
    if (parsed.ok) parsed.value.link = { host: link.value.host, pathPrefix: link.value.pathPrefix };
    return parsed;
  }
  if (data.startsWith('(')) return fromAis('gs1', input, symbology, parseBracketed(data, at, year));
  if (isGs1Symbology(symbology) || data.startsWith(GS)) {
    return fromAis('gs1', input, symbology, parseElementString(data, at, year));
  }
  const hint = eanUpcHint(symbology);
  if (hint === undefined && !PLAIN_GTIN.test(data) && BARE_ELEMENT_STRING.test(data)) {
    return fromAis('gs1', input, symbology, parseElementString(data, at, year));
  }
  if (hint !== undefined || /^\d+$/.test(data)) {
    const code = parseEanUpc(data, hint, at);
    if (!code.ok) return code;
    const { format, gtin, addOn } = code.value;
    return result(format, input, symbology, addOn === undefined ? { gtin } : { gtin, addOn });
  }
  return {
    ok: false,
    error: {
      code: 'unknown-format',
      message: `${quote(data)} is not an EAN/UPC, GTIN-14, GS1 element string, GS1 Digital Link or configured internal code`,
    },
  };
}
