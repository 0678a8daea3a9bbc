/**
 * The way back from AIs to text: the bracketed human-readable form, and the scan-data form with
 * GS separators placed where GS1 General Specifications §7.8.5 requires them. Used to show a
 * Digital Link's content as an element string and to check parsing round-trips.
 */
import { hasPredefinedLength } from './ai-table.js';
import { GS } from './step.js';

interface AiData {
  ai: string;
  raw: string;
}

/** `(01)09506000134352(17)201225(10)ABC123` */
export function formatBracketed(ais: readonly AiData[]): string {
  return ais.map(({ ai, raw }) => `(${ai})${raw}`).join('');
}

/**
 * `0109506000134352` `17201225` `10ABC123`: each AI whose length is not predefined by its first
 * two digits (§7.8.5) is ended by a GS, unless it is the last. No leading FNC1: that is the
 * symbology's business (]C1, ]d2, ]Q3, ]e0).
 */
export function formatElementString(ais: readonly AiData[]): string {
  return ais
    .map(({ ai, raw }, index) => {
      const last = index === ais.length - 1;
      return `${ai}${raw}${last || hasPredefinedLength(ai) ? '' : GS}`;
    })
    .join('');
}
