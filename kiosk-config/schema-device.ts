/** Who the device is, where its catalog comes from, and which screens it drives. */
import { z } from 'zod';
import { filePath, httpUrl, slug } from './schema-common.js';

export const deviceSection = z
  .strictObject({
    id: slug.meta({
      description:
        'Unique id of this device in the fleet, e.g. "ber-01-kiosk-2". Lowercase, digits and hyphens.',
    }),
    name: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: 'Name staff see on the hub and in the staff menu, e.g. "Entrance kiosk".' }),
  })
  .meta({ title: 'Device', description: 'Identity of this device.' });

export const storeSection = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, {
        error: 'expected a store code of letters, digits, "-" or "_" (1-32 characters), e.g. "BER-01"',
      })
      .meta({ description: 'The store this device stands in, as the catalog feed and the hub name it.' }),
  })
  .meta({ title: 'Store' });

export const hubSection = z
  .strictObject({
    url: httpUrl.meta({ description: 'Base URL of the Vitrine hub, e.g. "https://hub.example.com".' }),
    enrollmentCode: z
      .string()
      .regex(/^[A-Za-z0-9-]{6,64}$/, {
        error: 'expected the enrollment code shown on the hub (6-64 letters, digits or "-")',
      })
      .meta({
        description:
          'One-time code from the hub; the device trades it for its own token on first connect (DESIGN.md, Fleet).',
      }),
  })
  .meta({ title: 'Hub', description: 'Connect to a hub for catalog sync and fleet management.' });

export const standaloneSection = z
  .strictObject({
    catalogFeed: filePath.meta({
      description: 'Catalog feed file read at start, relative to this config file, e.g. "./catalog.jsonl".',
    }),
  })
  .meta({ title: 'Standalone', description: 'Run without a hub: the catalog comes from a local feed file.' });

export const orientation = z.enum(['portrait', 'landscape', 'portrait-flipped', 'landscape-flipped']);

export const displayEntry = z
  .strictObject({
    screen: z
      .union([z.int().min(0).max(63), z.string().min(1).max(100)])
      .default(0)
      .meta({
        description:
          'Which screen: its index in the system display list (0 = primary), or the display id/label the system reports.',
      }),
    orientation: orientation.default('landscape').meta({
      description:
        'How the content is turned on this screen. "portrait" turns it 90° clockwise, "-flipped" a further 180°.',
    }),
    role: z
      .enum(['kiosk', 'window'])
      .optional()
      .meta({ description: 'What this screen shows; omitted: the device `mode`.' }),
    widthMm: z
      .number()
      .positive()
      .max(10000)
      .optional()
      .meta({ description: 'Visible width of the screen in mm.' }),
    heightMm: z
      .number()
      .positive()
      .max(10000)
      .optional()
      .meta({ description: 'Visible height of the screen in mm.' }),
    mountHeightMm: z.number().min(0).max(5000).optional().meta({
      description:
        "Height of the screen's bottom edge above the floor in mm; the low-reach mode keeps controls within ADA §308 reach (380-1220 mm).",
    }),
  })
  .meta({ title: 'Display' });

export const displaysSection = z
  .array(displayEntry)
  .min(1)
  .superRefine((displays, ctx) => {
    // Two entries for one screen would open two windows on top of each other.
    const seen = new Map<string, number>();
    displays.forEach((display, index) => {
      const key = `${typeof display.screen}:${String(display.screen)}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'screen'],
          message: `screen ${JSON.stringify(display.screen)} is already configured by displays[${String(first)}]`,
        });
      }
    });
  })
  .default([{ screen: 0, orientation: 'landscape' }])
  .meta({ description: 'Screens this device drives; default: the primary screen, unrotated.' });

export const developmentSection = z
  .strictObject({
    simulation: z.boolean().default(false).meta({
      description: 'Accept simulated scans and card swipes from the developer CLI. Never on in a store.',
    }),
  })
  .meta({ title: 'Development' });
