/**
 * GS1 element strings (GS1 General Specifications §7.8): a run of AI + data pairs, as a scanner
 * sends them (variable-length data ended by GS, the transmitted form of FNC1) or as people write
 * them, with each AI in parentheses: `(01)09506000134352(17)201225(10)ABC123`.
 */
import { isAiStart, lookupAi, lookupAiAt } from './ai-table.js';
import { aiLabel, decodeAi, fixedLength, maxLength, unitOf } from './ai-value.js';
import { fail, GS, quote } from './step.js';
import type { Step } from './step.js';
import type { AiElement } from './types.js';

/**
 * Parses scan data such as `0109506000134352` + `17201225` + `10ABC123`. `base` is where `text`
 * starts in the scan, so error positions point into the scan as given.
 */
export function parseElementString(text: string, base: number, referenceYear: number): Step<AiElement[]> {
  const elements: AiElement[] = [];
  let pos = 0;
  while (pos < text.length) {
    // A GS where an AI should start: the leading FNC1 of a symbol without AIM ids, a separator
    // after a fixed-length AI (needed by AIs outside the §7.8.5 table) or a trailing one.
    if (text.charAt(pos) === GS) {
      pos++;
      continue;
    }
    const spec = lookupAiAt(text, pos);
    if (!spec) {
      const ahead = text.slice(pos, pos + 4);
      if (pos + ahead.length === text.length && isAiStart(ahead)) {
        return fail('truncated', `the scan ends inside an AI: ${quote(ahead)}`, base + pos);
      }
      const message = /^\d\d/.test(ahead)
        ? `no GS1 Application Identifier starts ${quote(ahead)}`
        : `expected a GS1 Application Identifier, found ${quote(ahead)}`;
      return fail('bad-ai', `${message} at position ${String(base + pos)}`, base + pos);
    }
    const dataStart = pos + spec.ai.length;
    const separator = text.indexOf(GS, dataStart);
    const fixed = fixedLength(spec);
    let end: number;
    if (fixed !== undefined) {
      // Fixed-length data is cut by count. AIs in the §7.8.5 predefined-length table need no GS
      // after them; other fixed-length ones (422, 7003, 8005...) do, but as their length is known
      // a missing GS leaves nothing ambiguous, so we accept it rather than fail a readable scan.
      // A GS or the end of the scan before the count is reached means the field was cut short.
      end = dataStart + fixed;
      const available = (separator === -1 ? text.length : separator) - dataStart;
      if (available < fixed) {
        const cause =
          separator !== -1 && separator < end ? 'before a GS separator' : 'before the end of the scan';
        return fail(
          'truncated',
          `${aiLabel(spec)} needs ${String(fixed)} ${unitOf(spec)} but only ${String(available)} come ${cause}`,
          base + dataStart + available,
        );
      }
    } else {
      end = separator === -1 ? text.length : separator;
      if (end - dataStart > maxLength(spec)) {
        return fail(
          'bad-length',
          `${aiLabel(spec)} runs to ${String(end - dataStart)} characters, at most ${String(maxLength(spec))} ` +
            'allowed (is a GS separator missing after it?)',
          base + dataStart + maxLength(spec),
        );
      }
    }
    const decoded = decodeAi(spec, text.slice(dataStart, end), base + dataStart, referenceYear);
    if (!decoded.ok) return decoded;
    elements.push(decoded.value);
    pos = end;
  }
  return withoutDuplicates(elements, base);
}

/**
 * Parses the bracketed human-readable form. A field's data runs to the next `(` + 2-4 digits +
 * `)`; a batch may hold other parentheses (they are in character set 82), but not that pattern,
 * which we read as the next AI so that a mistyped AI is reported rather than swallowed.
 */
export function parseBracketed(text: string, base: number, referenceYear: number): Step<AiElement[]> {
  const elements: AiElement[] = [];
  const opener = /\((\d{2,4})\)/g;
  let pos = 0;
  while (pos < text.length) {
    opener.lastIndex = pos;
    const open = opener.exec(text);
    if (open?.index !== pos || open[1] === undefined) {
      return fail(
        'bad-ai',
        `expected "(AI)", found ${quote(text.slice(pos, pos + 6))} at position ${String(base + pos)}`,
        base + pos,
      );
    }
    const spec = lookupAi(open[1]);
    if (!spec) {
      return fail(
        'bad-ai',
        `unknown GS1 Application Identifier (${open[1]}) at position ${String(base + pos)}`,
        base + pos,
      );
    }
    const dataStart = pos + open[0].length;
    opener.lastIndex = dataStart;
    const next = opener.exec(text);
    const end = next ? next.index : text.length;
    const decoded = decodeAi(spec, text.slice(dataStart, end), base + dataStart, referenceYear);
    if (!decoded.ok) return decoded;
    elements.push(decoded.value);
    pos = end;
  }
  return withoutDuplicates(elements, base);
}

/**
 * An AI may repeat in one scan only with identical data (GS1's rules on AI combinations); a
 * second, different value would make the scan ambiguous, so it is refused. Exact repeats are
 * dropped.
 */
export function withoutDuplicates(elements: AiElement[], base: number): Step<AiElement[]> {
  const seen = new Map<string, string>();
  const unique: AiElement[] = [];
  for (const element of elements) {
    const previous = seen.get(element.ai);
    if (previous === undefined) {
      seen.set(element.ai, element.raw);
      unique.push(element);
    } else if (previous !== element.raw) {
      return fail(
        'bad-ai',
        `AI (${element.ai}) appears twice with different data: ${quote(previous)} and ${quote(element.raw)}`,
        base,
      );
    }
  }
  return { ok: true, value: unique };
}
