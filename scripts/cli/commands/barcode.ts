/**
 * `vitrine barcode <text>`: parse one scan the way the kiosk will, to check a label or a scanner's
 * setup. Exit codes follow the CLI's rule: 0 the barcode is valid, 1 it is invalid, 2 bad usage.
 */
import type { Command } from 'commander';
import { parseBarcode } from '../../../shared/barcode/index.js';
import type {
  BarcodeError,
  BarcodeFormat,
  InternalCodeRule,
  ParsedBarcode,
} from '../../../shared/barcode/index.js';
import { CliExit, err, out } from '../io.js';

interface BarcodeCommandOptions {
  json?: boolean;
  internalPrefix?: string[];
  gs?: string;
}

const FORMAT_NAMES: Record<BarcodeFormat, string> = {
  'ean-13': 'EAN-13',
  'ean-8': 'EAN-8',
  'upc-a': 'UPC-A',
  'upc-e': 'UPC-E',
  'gtin-14': 'GTIN-14',
  gs1: 'GS1 element string',
  'digital-link': 'GS1 Digital Link',
  internal: 'store-internal code',
};

/** `21:13` -> prefix "21", length 13; `LOY` -> prefix "LOY", any length. */
export function parseInternalRuleOption(text: string): InternalCodeRule | undefined {
  const match = /^(.+?)(?::(\d+))?$/s.exec(text);
  const prefix = match?.[1];
  if (prefix === undefined) return undefined;
  if (match?.[2] === undefined) return { prefix };
  const length = Number(match[2]);
  return length > 0 ? { prefix, length } : undefined;
}

/** The group separator is invisible on a terminal; show it as the Unicode symbol for GS. */
const visible = (text: string): string => text.replaceAll('\x1d', '\u241d');

/** Lines describing a parsed barcode, as `label  value`. */
export function describeBarcode(value: ParsedBarcode): string[] {
  const rows: [string, string][] = [['format', FORMAT_NAMES[value.format]]];
  if (value.symbology !== undefined) rows.push(['symbology', value.symbology]);
  if (value.gtin !== undefined) rows.push(['GTIN', value.gtin]);
  if (value.restricted)
    rows.push(['restricted', 'yes: a GS1 restricted circulation number, resolve locally']);
  if (value.addOn !== undefined) rows.push(['add-on', value.addOn]);
  if (value.link) rows.push(['link', `${value.link.host}${value.link.pathPrefix}`]);
  if (value.internal) {
    const label = value.internal.label === undefined ? '' : ` (${value.internal.label})`;
    rows.push(['internal', `prefix ${value.internal.prefix}${label}: ${value.internal.code}`]);
  }
  for (const element of value.ais) {
    const currency = element.currency === undefined ? '' : ` (currency ${element.currency})`;
    rows.push([`(${element.ai}) ${element.title}`, `${visible(String(element.value))}${currency}`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `${label.padEnd(width)}  ${text}`);
}

/** The error, plus the scan with a caret under the offending character when there is one. */
export function describeError(input: string, error: BarcodeError): string[] {
  const lines = [`invalid barcode (${error.code}): ${visible(error.message)}`];
  if (error.position !== undefined) {
    lines.push(`  ${visible(input)}`, `  ${' '.repeat(error.position)}^`);
  }
  return lines;
}

export function registerBarcodeCommand(program: Command): void {
  program
    .command('barcode')
    .description('parse a scanned barcode: EAN/UPC, GTIN-14, GS1 element string or Digital Link')
    .argument('<text>', 'the scan, e.g. 4006381333931, "(01)09506000134352(17)201225" or a URL')
    .option('--json', 'print the parse result as JSON (also when invalid)')
    .option(
      '--internal-prefix <rules...>',
      'PREFIX or PREFIX:LENGTH: codes starting with PREFIX (of LENGTH characters) are store-internal, ' +
        "as in the config's barcodes.internalRules",
    )
    .option('--gs <char>', 'read this character as the GS (FNC1) separator, e.g. --gs "|"')
    .action((text: string, options: BarcodeCommandOptions) => {
      const internalRules: InternalCodeRule[] = [];
      for (const option of options.internalPrefix ?? []) {
        const rule = parseInternalRuleOption(option);
        if (!rule) {
          err(`--internal-prefix ${JSON.stringify(option)}: expected PREFIX or PREFIX:LENGTH (LENGTH > 0)`);
          throw new CliExit(2);
        }
        internalRules.push(rule);
      }
      if (options.gs !== undefined && options.gs.length !== 1) {
        err(`--gs ${JSON.stringify(options.gs)}: expected a single character`);
        throw new CliExit(2);
      }
      const scan = options.gs === undefined ? text : text.replaceAll(options.gs, '\x1d');
      const result = parseBarcode(scan, { internalRules });
      if (options.json) {
        out(JSON.stringify(result, null, 2));
      } else if (result.ok) {
        for (const line of describeBarcode(result.value)) out(line);
      } else {
        for (const line of describeError(scan.trim(), result.error)) err(line);
      }
      if (!result.ok) throw new CliExit(1);
    });
}
