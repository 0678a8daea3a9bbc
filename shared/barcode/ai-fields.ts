/**
 * Lifts the AIs a kiosk acts on into named fields, so callers need not know AI numbers
 * (GS1 General Specifications §3: 01/02 identification, 10/21 batch and serial, 11-17 dates,
 * 30/37 counts, 310n net weight, 390n-393n amounts).
 */
import type { AiElement, ParsedBarcode } from './types.js';

export type AiFields = Pick<
  ParsedBarcode,
  | 'gtin'
  | 'variantGtin'
  | 'expiry'
  | 'bestBefore'
  | 'productionDate'
  | 'packagingDate'
  | 'sellBy'
  | 'batch'
  | 'serial'
  | 'count'
  | 'netWeightKg'
  | 'price'
>;

const asText = (value: string | number): string => (typeof value === 'string' ? value : String(value));
const asNumber = (value: string | number): number => (typeof value === 'number' ? value : Number(value));

export function aiFields(ais: readonly AiElement[]): AiFields {
  const fields: AiFields = {};
  for (const { ai, value, currency } of ais) {
    if (ai === '01') fields.gtin = asText(value);
    else if (ai === '02') fields.variantGtin = asText(value);
    else if (ai === '10') fields.batch = asText(value);
    else if (ai === '11') fields.productionDate = asText(value);
    else if (ai === '13') fields.packagingDate = asText(value);
    else if (ai === '15') fields.bestBefore = asText(value);
    else if (ai === '16') fields.sellBy = asText(value);
    else if (ai === '17') fields.expiry = asText(value);
    else if (ai === '21') fields.serial = asText(value);
    // 30: count of a variable-measure item; 37: count of items in a logistic unit.
    else if (ai === '30' || ai === '37') fields.count = asNumber(value);
    else if (ai.startsWith('310')) fields.netWeightKg = asNumber(value);
    else if (/^39[0-3]\d$/.test(ai)) {
      fields.price =
        currency === undefined ? { amount: asNumber(value) } : { amount: asNumber(value), currency };
    }
  }
  return fields;
}
