import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses an incoming message. The error names the message and every wrong field, e.g.
 * `catalog:pull: cursor: expected a number, got string`, so a refused message can be logged
 * (and answered) precisely.
 */
export function parseMessage<S extends z.ZodType>(
  schema: S,
  value: unknown,
  name: string,
): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`)).join('');
    return `${path === '' ? '(message)' : path.replace(/^\./, '')}: ${issue.message}`;
  });
  const more = result.error.issues.length > 5 ? `; and ${String(result.error.issues.length - 5)} more` : '';
  return { ok: false, error: `${name}: ${problems.join('; ')}${more}` };
}

/** Bytes a message takes as JSON: pages are filled up to a budget measured this way. */
export function jsonBytes(value: unknown): number {
  // UTF-8 length without a TextEncoder (not in the ES lib this layer is typed against).
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
