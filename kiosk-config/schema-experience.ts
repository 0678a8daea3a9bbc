/** What shoppers experience: idle reset, attract loop, accessibility, consent and branding. */
import { z } from 'zod';
import { hexColor, mediaRef } from './schema-common.js';

export const idleSection = z
  .strictObject({
    timeoutSeconds: z.int().min(10).max(3600).default(60).meta({
      description: 'Seconds without a touch before the session ends and the device returns to its start.',
    }),
    warningSeconds: z.int().min(20).max(600).default(20).meta({
      description:
        'The last seconds of the timeout in which a "still there?" prompt offers more time; WCAG 2.2.1 asks for at least 20.',
    }),
  })
  .superRefine(
    (idle, ctx) => {
      if (idle.warningSeconds >= idle.timeoutSeconds) {
        ctx.addIssue({
          code: 'custom',
          path: ['warningSeconds'],
          message: `the warning (${String(idle.warningSeconds)} s) must start before the timeout (${String(idle.timeoutSeconds)} s) ends: make warningSeconds smaller than timeoutSeconds`,
        });
      }
    },
    // Compare only two valid numbers; a bad one already has its own problem.
    { when: (payload) => payload.issues.length === 0 },
  )
  .meta({ title: 'Idle reset' });

const seconds = (fallback: number, what: string) =>
  z
    .number()
    .positive()
    .max(3600)
    .default(fallback)
    .meta({ description: `${what} Default ${String(fallback)}.` });

export const attractItem = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('image'),
        src: mediaRef.meta({ description: 'Image file (relative path) or https:// URL.' }),
        durationSeconds: seconds(8, 'Seconds the image stays.'),
      })
      .meta({ title: 'Image' }),
    z
      .strictObject({
        kind: z.literal('video'),
        src: mediaRef.meta({ description: 'Video file (relative path) or https:// URL.' }),
        durationSeconds: z
          .number()
          .positive()
          .max(3600)
          .optional()
          .meta({ description: 'Cut the video after this many seconds; omitted: it plays to its end.' }),
      })
      .meta({ title: 'Video' }),
    z
      .strictObject({
        kind: z.literal('product'),
        productId: z.string().min(1).meta({ description: 'Catalog product id to feature.' }),
        durationSeconds: seconds(10, 'Seconds the product stays.'),
      })
      .meta({ title: 'Product' }),
    z
      .strictObject({
        kind: z.literal('model'),
        src: mediaRef.optional().meta({
          description: "3D model (glTF/GLB) file or https:// URL; omitted: the product's own model.",
        }),
        productId: z.string().min(1).optional().meta({
          description: 'Catalog product to spotlight: its name and price are shown beside the turning model.',
        }),
        durationSeconds: seconds(15, 'Seconds the model turns.'),
      })
      .refine((item) => item.src !== undefined || item.productId !== undefined, {
        path: ['src'],
        error: 'a 3D model slide needs "src" (a model file), "productId" (a product with a model), or both',
      })
      // The refinement above, for editors: JSON Schema cannot see inside a refine.
      .meta({ title: '3D model', anyOf: [{ required: ['src'] }, { required: ['productId'] }] }),
  ])
  .meta({ title: 'Attract item' });

export const attractSection = z
  .strictObject({
    playlist: z
      .array(attractItem)
      .default(() => [])
      .meta({ description: 'Shown in turn while nobody uses the device; empty: the start screen stays.' }),
  })
  .meta({ title: 'Attract loop' });

export const accessibilitySection = z
  .strictObject({
    lowReach: z
      .boolean()
      .default(false)
      .meta({ description: 'Start with controls in the lower part of the screen, for wheelchair users.' }),
    highContrast: z.boolean().default(false).meta({ description: 'Start in the high-contrast theme.' }),
    textScale: z.number().min(1).max(2).default(1).meta({ description: 'Text size factor, 1 to 2.' }),
    speech: z
      .boolean()
      .default(false)
      .meta({ description: 'Start with speech output on (ADA §707 closed functionality).' }),
    volume: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .meta({ description: 'Speech and sound volume, 0 to 1; it returns to this after each session.' }),
  })
  .meta({
    title: 'Accessibility',
    description: 'Starting settings; shoppers can change them for their session.',
  });

const consentChoice = z.enum(['ask', 'off']);

export const consentSection = z
  .strictObject({
    personalization: consentChoice
      .default('ask')
      .meta({ description: '"ask": offer suggestions based on a loyalty card after consent; "off": never.' }),
    marketing: consentChoice
      .default('ask')
      .meta({ description: '"ask": offer newsletter / marketing sign-up; "off": never.' }),
    retentionDays: z
      .int()
      .min(1)
      .max(3650)
      .optional()
      .meta({ description: "Days shopper events are kept; omitted: the hub's policy applies." }),
  })
  .meta({
    title: 'Consent',
    description: 'Privacy by default (GDPR Art. 25(2)): nothing personal without a yes.',
  });

export const brandingSection = z
  .strictObject({
    name: z.string().min(1).max(60).optional().meta({ description: 'Brand name shown on screen.' }),
    logo: mediaRef.optional().meta({ description: 'Logo file (relative path) or https:// URL; SVG or PNG.' }),
    colors: z
      .strictObject({
        primary: hexColor.default('#1F3A5F'),
        accent: hexColor.default('#E0662B'),
        background: hexColor.default('#FFFFFF'),
        text: hexColor.default('#161616'),
      })
      .prefault({})
      .meta({ title: 'Colours', description: 'Theme colours, "#RRGGBB".' }),
    font: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Font family installed on the device, or a font file (relative path).' }),
  })
  .meta({ title: 'Branding' });
