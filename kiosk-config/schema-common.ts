/** Field types used in several sections of the config: ids, URLs, paths, colours, locales, zones. */
import { z } from 'zod';
import { describeValue, quote } from './describe-value.js';

/** Lowercase letters, digits and single hyphens; safe in file names, URLs and log lines. */
export const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
  error: (issue) =>
    `expected lowercase letters, digits and hyphens (1-64, not starting or ending with "-"), got ${describeValue(issue.input)}`,
});

/**
 * A 16-bit USB id (vendor, product, HID usage page or usage). Datasheets and `lsusb` print these
 * in hex, so "0x0c2e" is accepted and normalized to the number; plain JSON numbers work too.
 */
export const usbId = z
  .union(
    [
      z.int().min(0).max(0xffff),
      z
        .string()
        .regex(/^0[xX][0-9a-fA-F]{1,4}$/)
        .transform((text) => Number.parseInt(text.slice(2), 16)),
    ],
    {
      // Replaces zod's "no option matched", which would not say what to write instead.
      error: (issue) =>
        `expected a 16-bit id: an integer 0..65535 or a hex string like "0x0c2e", got ${describeValue(issue.input)}`,
    },
  )
  .meta({ description: 'A 16-bit id: an integer 0..65535, or a hex string such as "0x0c2e".' });

/** An http:// or https:// URL with a host name (a hub on the store LAN may be plain http). */
export const httpUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.hostname,
  error: (issue) => `expected an http:// or https:// URL, got ${describeValue(issue.input)}`,
});

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/; // two+ letters, so "C:\media" stays a path

/** A local file path (relative to the config file) or an https:// URL; other schemes are refused. */
export const mediaRef = z
  .string()
  .min(1)
  .refine((text) => !SCHEME.test(text) || /^https:\/\/[^/\s]+/.test(text), {
    error: (issue) => `expected a file path or an https:// URL, got ${describeValue(issue.input)}`,
  });

/** A local file path, relative to the config file's folder. */
export const filePath = z
  .string()
  .min(1)
  .refine((text) => !SCHEME.test(text), {
    error: (issue) => `expected a file path (relative to the config file), got ${describeValue(issue.input)}`,
  });

/** "#RRGGBB". Short forms and names are refused so every consumer can parse colours the same way. */
export const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, {
  error: (issue) => `expected a colour like "#1A6B3C", got ${describeValue(issue.input)}`,
});

/**
 * A BCP 47 language tag, normalized to its canonical case ("en-us" -> "en-US") so that
 * `defaultLocale` and `languages` compare equal however they were typed.
 */
export const localeTag = z.string().transform((text, ctx) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    if (canonical !== undefined) return canonical;
  } catch {
    // RangeError: not a well-formed tag; reported below.
  }
  ctx.addIssue({
    code: 'custom',
    message: `${quote(text)} is not a BCP 47 language tag (e.g. "de-DE", "en")`,
  });
  return z.NEVER;
});

/**
 * An IANA time zone ("Europe/Berlin"), checked against the zones this runtime's Intl knows:
 * `Intl.DateTimeFormat` throws a RangeError for an unknown zone. Normalized to Intl's spelling.
 */
export const timeZone = z.string().transform((text, ctx) => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone ${quote(text)}; use an IANA name such as "Europe/Berlin"`,
    });
    return z.NEVER;
  }
});
