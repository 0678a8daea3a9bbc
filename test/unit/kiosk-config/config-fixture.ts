/** A small valid config and helpers to write it as text, shared by the kiosk-config tests. */
import type { KioskConfigInput } from '../../../kiosk-config/index.js';

/** A real hash of PIN "482916" (N=2^15, r=8, p=1), as `vitrine config hash-pin` prints it. */
export const PIN_HASH =
  'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

/** The least a technician must write: everything else has a default. */
export function minimalConfig(): KioskConfigInput {
  return {
    device: { id: 'ber-01-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-01' },
    mode: 'kiosk',
    hub: { url: 'https://hub.example.com', enrollmentCode: 'K7Q2-9XPM' },
    staff: { pinHash: PIN_HASH },
  };
}

/** Pretty JSON, as a person would write the file. */
export function toText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, index).split('\n').length;
}
