/**
 * The config as a JSON Schema (draft 2020-12), for editors: with `"$schema"` pointing at it, VS Code
 * completes keys, shows descriptions and flags mistakes while the technician types. It describes
 * the file as written (zod's input side), so fields with defaults are optional. Rules JSON Schema
 * cannot express (time zones, defaultLocale in languages, PIN hash cost) are checked by
 * `vitrine config validate` only.
 */
import { z } from 'zod';
import { kioskConfigSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema: Record<string, unknown> = z.toJSONSchema(kioskConfigSchema, {
    target: 'draft-2020-12',
    io: 'input',
  });
  // "hub" xor "standalone" lives in a superRefine, which zod can't export; say it in schema terms.
  return { ...schema, oneOf: [{ required: ['hub'] }, { required: ['standalone'] }] };
}
