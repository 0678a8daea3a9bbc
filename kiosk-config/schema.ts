/**
 * The device config: the one JSON file a store technician writes to provision a kiosk or a shop
 * window. Sections live in schema-*.ts; this file composes them and checks the rules that span
 * sections. Every object is strict, so a misspelled key is an error rather than silently ignored.
 */
import { z } from 'zod';
import { localeTag } from './schema-common.js';
import {
  developmentSection,
  deviceSection,
  displaysSection,
  hubSection,
  standaloneSection,
  storeSection,
} from './schema-device.js';
import {
  accessibilitySection,
  attractSection,
  brandingSection,
  consentSection,
  idleSection,
} from './schema-experience.js';
import { barcodesSection, hardwareSection } from './schema-hardware.js';
import { openingHoursSection } from './schema-opening-hours.js';
import { pinHash } from './pin-hash-format.js';

export const staffSection = z
  .strictObject({ pinHash })
  .meta({ title: 'Staff', description: 'Access to the staff menu on the device.' });

const languages = z
  .array(localeTag)
  .min(1)
  .superRefine((tags, ctx) => {
    tags.forEach((tag, index) => {
      if (tags.indexOf(tag) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `"${tag}" is listed twice` });
    });
  })
  .default(() => ['en'])
  .meta({ description: 'Languages the UI offers, as BCP 47 tags, e.g. ["de-DE", "en"]. Default ["en"].' });

const configObject = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of this JSON Schema, for editors.' }),
    device: deviceSection,
    store: storeSection,
    mode: z.enum(['kiosk', 'window']).meta({
      description: '"kiosk": a touch screen inside the store; "window": a shop window facing the street.',
    }),
    hub: hubSection.optional(),
    standalone: standaloneSection.optional(),
    displays: displaysSection,
    languages,
    defaultLocale: localeTag.optional().meta({
      description: 'Language shown at the start of each session; one of `languages`. Default: the first.',
    }),
    idle: idleSection.prefault({}),
    attract: attractSection.prefault({}),
    openingHours: openingHoursSection.optional(),
    hardware: hardwareSection.prefault({}),
    barcodes: barcodesSection.prefault({}),
    staff: staffSection,
    accessibility: accessibilitySection.prefault({}),
    consent: consentSection.prefault({}),
    branding: brandingSection.prefault({}),
    development: developmentSection.prefault({}),
  })
  // Each rule says which fields it reads in `when`, so it still runs (and reports) when other,
  // unrelated fields are wrong: the technician sees every problem of the file in one pass.
  .superRefine(
    (config, ctx) => {
      const hasHub = config.hub !== undefined;
      const hasStandalone = config.standalone !== undefined;
      if (hasHub && hasStandalone) {
        ctx.addIssue({
          code: 'custom',
          path: ['standalone'],
          message:
            'give either "hub" or "standalone", not both: a device with a hub gets its catalog from the hub; "standalone" is for a device without one',
        });
      } else if (!hasHub && !hasStandalone) {
        ctx.addIssue({
          code: 'custom',
          message:
            'missing "hub" or "standalone": give a hub to connect to ({ "url", "enrollmentCode" }), or, for a device with no hub, "standalone": { "catalogFeed": "<path>" } to read a local catalog feed',
        });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .superRefine(
    (config, ctx) => {
      if (config.defaultLocale !== undefined && !config.languages.includes(config.defaultLocale)) {
        ctx.addIssue({
          code: 'custom',
          path: ['defaultLocale'],
          message: `"${config.defaultLocale}" is not one of languages (${config.languages.map((tag) => `"${tag}"`).join(', ')})`,
        });
      }
    },
    {
      when: (payload) =>
        isRecord(payload.value) &&
        !payload.issues.some((issue) => touches(issue.path, ['languages', 'defaultLocale'])),
    },
  );

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an issue raised while parsing the root object concerns one of these top-level keys. */
function touches(path: readonly PropertyKey[] | undefined, keys: readonly string[]): boolean {
  const first = path?.[0];
  return typeof first === 'string' && keys.includes(first);
}

/** The config schema. Parsing fills in every default, so code reading a config never guesses. */
export const kioskConfigSchema = configObject
  .transform((config) => ({ ...config, defaultLocale: config.defaultLocale ?? config.languages[0] ?? 'en' }))
  .meta({
    title: 'Vitrine device config',
    description:
      'Provisions one Vitrine kiosk or shop window. Validate with `npx vitrine config validate FILE`.',
  });

/** A validated config with every default filled in. */
export type KioskConfig = z.output<typeof kioskConfigSchema>;
/** The config as written in the JSON file: optional fields may be left out. */
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

export type DeviceMode = KioskConfig['mode'];
export type DisplayConfig = KioskConfig['displays'][number];
export type ScannerConfig = KioskConfig['hardware']['scanners'][number];
export type CardReaderConfig = KioskConfig['hardware']['cardReaders'][number];
export type InternalBarcodeRule = KioskConfig['barcodes']['internalRules'][number];
export type AttractItem = KioskConfig['attract']['playlist'][number];
export type OpeningHours = NonNullable<KioskConfig['openingHours']>;
export type OpeningInterval = OpeningHours['week']['mon'][number];
