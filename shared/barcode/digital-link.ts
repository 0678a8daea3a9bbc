/**
 * GS1 Digital Link URIs (GS1 Digital Link Standard: URI Syntax, §4): the same AIs as an element
 * string, written as a web address, e.g.
 * `https://id.example.com/01/09506000134352/10/ABC123/21/12345?17=201225`.
 * The path ends in a primary key (here 01, the GTIN) and its key qualifiers in a fixed order; any
 * path before the key is the resolver's own; data attributes (dates, weights) go in the query.
 */
import { lookupAi } from './ai-table.js';
import { decodeAi } from './ai-value.js';
import { withoutDuplicates } from './element-string.js';
import { fail, quote } from './step.js';
import type { Step } from './step.js';
import type { AiElement } from './types.js';

export interface DigitalLink {
  host: string;
  pathPrefix: string;
  ais: AiElement[];
}

/**
 * Primary keys that may start the GS1 part of the path, each with its qualifiers in the order the
 * standard requires (a subset of the Digital Link key table: the keys a shop meets).
 */
const PRIMARY_KEYS: Readonly<Record<string, readonly string[]>> = {
  '01': ['22', '10', '21'],
  '8006': ['22', '10', '21'],
  '00': [],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': ['254'],
  '417': [],
  '8003': [],
  '8004': [],
  '8017': ['8019'],
  '8018': ['8019'],
};

/**
 * Short names from Digital Link 1.0 (deprecated since 1.1 but still printed on packs): accepted in
 * place of the numeric AI.
 */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  gtin: '01',
  cpv: '22',
  lot: '10',
  ser: '21',
  sscc: '00',
  gln: '414',
  glnx: '254',
  exp: '17',
};

/**
 * scheme://host then path, query, fragment (RFC 3986 §3). A regex rather than the WHATWG `URL`
 * class: `URL` is a host API, absent from the ES2023 library this layer is limited to, and it
 * would also normalise the path (resolving `..`, re-encoding) where we must see it as scanned.
 */
const URI = /^(https?):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

export function looksLikeDigitalLink(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined; // malformed %-escape (URIError); reported by the caller
  }
}

function aiFor(segment: string): string | undefined {
  if (/^\d{2,4}$/.test(segment)) return lookupAi(segment) ? segment : undefined;
  return SHORT_NAMES[segment];
}

interface Pair {
  ai: string;
  value: string;
}

/** Reads `/<key>/<value>[/<qualifier>/<value>...]` from the end of the path segments. */
function keyPairs(segments: string[]): { pairs: Pair[]; prefixLength: number } | undefined {
  const pairs: Pair[] = [];
  // From the right, because a resolver may put anything before the key (`/shop/01/...`), even
  // segments that look like AIs: the GS1 part is the run of AI/value pairs at the end of the
  // path, back to the nearest primary key.
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = aiFor(segments[i] ?? '');
    const value = segments[i + 1];
    if (ai === undefined || value === undefined) return undefined;
    pairs.unshift({ ai, value });
    if (PRIMARY_KEYS[ai] !== undefined) return { pairs, prefixLength: i };
  }
  return undefined;
}

function checkQualifiers(pairs: Pair[], input: string): Step<null> {
  const [key, ...qualifiers] = pairs;
  const allowed = key ? (PRIMARY_KEYS[key.ai] ?? []) : [];
  let last = -1;
  for (const { ai } of qualifiers) {
    const index = allowed.indexOf(ai);
    if (index === -1) {
      return fail('bad-link', `${quote(input)}: AI (${ai}) may not follow AI (${key?.ai ?? ''}) in the path`);
    }
    if (index <= last) {
      return fail(
        'bad-link',
        `${quote(input)}: path qualifiers must come in the order ${allowed.map((q) => `/${q}`).join('')}`,
      );
    }
    last = index;
  }
  return { ok: true, value: null };
}

/** Parses a Digital Link URI into its AIs; `referenceYear` anchors two-digit years (§7.12). */
export function parseDigitalLink(input: string, referenceYear: number): Step<DigitalLink> {
  const uri = URI.exec(input);
  if (!uri) return fail('bad-link', `${quote(input)} is not a well-formed http(s) URI`);
  const host = (uri[2] ?? '').toLowerCase();
  const segments = (uri[3] ?? '').split('/').slice(1);
  if (segments.at(-1) === '') segments.pop(); // a trailing slash
  const decodedSegments: string[] = [];
  for (const segment of segments) {
    const decoded = decode(segment);
    if (decoded === undefined)
      return fail('bad-link', `${quote(input)}: bad percent-encoding in ${quote(segment)}`);
    decodedSegments.push(decoded);
  }
  const found = keyPairs(decodedSegments);
  if (!found) {
    return fail(
      'bad-link',
      `${quote(input)} is not a GS1 Digital Link: its path does not end in /<primary key>/<value> ` +
        'pairs such as /01/<GTIN>',
    );
  }
  const order = checkQualifiers(found.pairs, input);
  if (!order.ok) return order;

  const pairs = [...found.pairs];
  for (const parameter of (uri[4] ?? '').split('&')) {
    if (parameter === '') continue;
    const equals = parameter.indexOf('=');
    const name = decode(equals === -1 ? parameter : parameter.slice(0, equals));
    const value = decode(equals === -1 ? '' : parameter.slice(equals + 1));
    if (name === undefined || value === undefined) {
      return fail('bad-link', `${quote(input)}: bad percent-encoding in ${quote(parameter)}`);
    }
    const ai = aiFor(name);
    if (ai !== undefined) pairs.push({ ai, value });
    // A numeric name that is no known AI is an error; other names (linkType, context...) belong
    // to the resolver and are ignored here.
    else if (/^\d+$/.test(name))
      return fail('bad-ai', `${quote(input)}: unknown GS1 Application Identifier ${name}`);
  }

  const ais: AiElement[] = [];
  for (const { ai, value } of pairs) {
    const spec = lookupAi(ai);
    if (!spec) return fail('bad-ai', `${quote(input)}: unknown GS1 Application Identifier ${ai}`);
    // The standard lets the GTIN appear as GTIN-8, -12 or -13; it is compared as GTIN-14.
    const data = ai === '01' && /^(\d{8}|\d{12}|\d{13})$/.test(value) ? value.padStart(14, '0') : value;
    const decoded = decodeAi(spec, data, 0, referenceYear);
    // Positions inside decoded segments would not point into the scan, so none is given.
    if (!decoded.ok) return fail(decoded.error.code, `${decoded.error.message} in ${quote(input)}`);
    ais.push({ ...decoded.value, raw: value });
  }
  const unique = withoutDuplicates(ais, 0);
  if (!unique.ok) return fail(unique.error.code, unique.error.message);
  const prefix = found.prefixLength === 0 ? '' : `/${segments.slice(0, found.prefixLength).join('/')}`;
  return { ok: true, value: { host, pathPrefix: prefix, ais: unique.value } };
}
