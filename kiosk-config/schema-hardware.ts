/** Scanners, card readers and the store's own barcode rules (DESIGN.md, Hardware). */
import { z } from 'zod';
import type { InternalCodeRule } from '../shared/barcode/index.js';
import { usbId } from './schema-common.js';

const vendorId = usbId.meta({ description: 'USB vendor id, e.g. "0x0c2e" (Honeywell).' });
const productId = usbId.meta({ description: 'USB product id.' });
const usagePage = usbId.optional().meta({
  description: 'HID usage page of the interface to open on a composite device, e.g. "0x8c" (HID POS).',
});
const usage = usbId
  .optional()
  .meta({ description: 'HID usage within the usage page, e.g. "0x02" (barcode scanner).' });

// A discriminated union on `mode`: each mode has its own fields, and the device layer gets a type
// it can switch on. `suffix` and `layout` only mean something when keystrokes are decoded.
export const scannerEntry = z
  .discriminatedUnion('mode', [
    z
      .strictObject({
        mode: z
          .literal('hid-pos')
          .meta({ description: 'HID POS reports (usage page 0x8C): data arrive whole, with symbology.' }),
        vendorId,
        productId,
        usagePage,
        usage,
      })
      .meta({ title: 'HID POS scanner' }),
    z
      .strictObject({
        mode: z.literal('keyboard-wedge').meta({ description: 'The scanner types like a keyboard.' }),
        vendorId,
        productId,
        usagePage,
        usage,
        suffix: z
          .enum(['enter', 'tab', 'none'])
          .default('enter')
          .meta({ description: 'Key the scanner sends after each code; it tells a scan from typing.' }),
        layout: z.enum(['us', 'de']).default('us').meta({
          description: 'Keyboard layout the scanner is programmed for; keycodes are decoded with it.',
        }),
      })
      .meta({ title: 'Keyboard-wedge scanner' }),
  ])
  .meta({ title: 'Barcode scanner' });

export const cardReaderEntry = z
  .strictObject({
    vendorId,
    productId,
    usagePage,
    mode: z.enum(['msr', 'keyboard-wedge']).meta({
      description:
        '"msr": HID magnetic stripe reports (usage page 0x8E); "keyboard-wedge": typed %B…? / ;…? tracks.',
    }),
    loyaltyPrefixes: z
      .array(
        z.string().regex(/^\d{1,19}$/, {
          error: 'expected the leading digits of a loyalty card number (1-19 digits)',
        }),
      )
      .default(() => [])
      .meta({
        description:
          'Card numbers starting with one of these are loyalty cards. Any other card is treated as a payment card and discarded unread (PCI DSS 3.3.1).',
      }),
  })
  .meta({ title: 'Card reader' });

export const hardwareSection = z
  .strictObject({
    scanners: z.array(scannerEntry).default(() => []),
    cardReaders: z.array(cardReaderEntry).default(() => []),
    autoDetect: z
      .boolean()
      .default(true)
      .meta({ description: 'Also use known scanners and readers that are plugged in but not listed here.' }),
    repeatWindowMs: z.int().min(0).max(60_000).default(1500).meta({
      description:
        'A scan of the same code again within this many milliseconds is ignored (a shopper holding the item under the scanner).',
    }),
  })
  .meta({ title: 'Hardware' });

/**
 * One store-internal barcode rule. `satisfies` keeps it the shape shared/barcode's parser takes
 * (InternalCodeRule), so the parsed config is handed to parseBarcode as is and can't drift.
 */
export const internalBarcodeRule = z
  .strictObject({
    prefix: z
      .string()
      .regex(/^[\x21-\x7e]{1,20}$/, { error: 'expected 1-20 printable characters without spaces' })
      .meta({
        description: 'Codes starting with this are the store\'s own, e.g. "21" for in-store price labels.',
      }),
    length: z
      .int()
      .min(1)
      .max(48)
      .optional()
      .meta({ description: 'Exact length of such codes, prefix included.' }),
    label: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: 'What these codes are, e.g. "staff badge".' }),
    loyalty: z.boolean().optional().meta({
      description:
        'Codes of this rule are loyalty card barcodes: they identify a member through the hub and are never looked up in the catalog, recorded or logged.',
    }),
  })
  .refine((rule) => rule.length === undefined || rule.length >= rule.prefix.length, {
    path: ['length'],
    error: 'length counts the prefix too, so it must be at least the prefix length',
  })
  .meta({ title: 'Internal barcode rule' }) satisfies z.ZodType<InternalCodeRule, InternalCodeRule>;

export const barcodesSection = z
  .strictObject({
    internalRules: z
      .array(internalBarcodeRule)
      .default(() => [])
      .meta({ description: "Barcodes that are not GTINs: the store's own labels, badges, coupons." }),
  })
  .meta({ title: 'Barcodes' });
