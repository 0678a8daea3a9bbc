/** Short, quoted descriptions of JSON values for error messages: `string "abc"`, `number 3.5`, `an object`. */

const MAX_SHOWN = 40;

/** A JSON value as a human reads it in a message; long strings are clipped. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `string ${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A string in double quotes as JSON would write it, clipped to stay on one readable line. */
export function quote(text: string): string {
  const clipped = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(clipped);
}

/** `"a", "b" or "c"`: a list of allowed literal values. */
export function listValues(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1] ?? ''}`;
}
