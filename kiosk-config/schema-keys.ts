/**
 * The keys a schema allows at a JSON path, for "did you mean" on unknown keys. Zod's
 * `unrecognized_keys` issue names the stray key but not the allowed ones, so we walk the schema
 * along the path, following the data through unions (the `mode` of a scanner picks its variant).
 */
import { z } from 'zod';

type Schema = z.core.$ZodType;
type Segment = string | number;

/** Zod types `shape` loosely (values are `any`); every value of a shape is a schema. */
function fieldOf(object: z.ZodObject, key: string): Schema | undefined {
  // Own keys only: a stray key like "constructor" must not find Object.prototype's.
  return Object.hasOwn(object.shape, key)
    ? (object.shape as Record<string, Schema | undefined>)[key]
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childValue(value: unknown, segment: Segment): unknown {
  if (typeof segment === 'number') return Array.isArray(value) ? (value[segment] as unknown) : undefined;
  return isRecord(value) ? value[segment] : undefined;
}

/** Strips wrappers that don't change which keys an object takes; a pipe is read on its input side. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
}

/** Literal values an option of a discriminated union has for its discriminator key. */
function tagsOf(option: Schema, discriminator: string): unknown[] {
  const object = unwrap(option);
  if (!(object instanceof z.ZodObject)) return [];
  const field = fieldOf(object, discriminator);
  const literal = field === undefined ? undefined : unwrap(field);
  return literal instanceof z.ZodLiteral ? [...literal.values] : [];
}

/** The concrete schemas a value may be checked against: unions expanded, picking by tag when the data has one. */
function expand(schema: Schema, value: unknown): Schema[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const discriminator = inner.def.discriminator;
    const tag = isRecord(value) ? value[discriminator] : undefined;
    const matching = inner.options.filter((option) => tagsOf(option, discriminator).includes(tag));
    return (matching.length > 0 ? matching : inner.options).flatMap((option) => expand(option, value));
  }
  if (inner instanceof z.ZodUnion) return inner.options.flatMap((option) => expand(option, value));
  return [inner];
}

/** Schemas found at `path` (before union expansion), following `data` to choose union variants. */
function schemasAt(root: Schema, path: readonly Segment[], data: unknown): Schema[] {
  let current: Schema[] = [root];
  let value = data;
  for (const segment of path) {
    const next = childValue(value, segment);
    current = current.flatMap((schema) =>
      expand(schema, value).flatMap((concrete): Schema[] => {
        if (typeof segment === 'number' && concrete instanceof z.ZodArray) return [concrete.element];
        if (typeof segment === 'string' && concrete instanceof z.ZodObject) {
          const field = fieldOf(concrete, segment);
          return field === undefined ? [] : [field];
        }
        return [];
      }),
    );
    value = next;
  }
  return current;
}

/** Keys allowed in the object at `path` of `data`. */
export function allowedKeysAt(root: Schema, path: readonly Segment[], data: unknown): string[] {
  const value = path.reduce<unknown>((node, segment) => childValue(node, segment), data);
  const keys = new Set<string>();
  for (const schema of schemasAt(root, path, data)) {
    for (const concrete of expand(schema, value)) {
      if (concrete instanceof z.ZodObject) for (const key of Object.keys(concrete.shape)) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * When `key` is not allowed at `path` but belongs to another variant of the same discriminated
 * union, the discriminator and the tags that allow it, e.g. `{ discriminator: 'mode', tags: ['keyboard-wedge'] }`.
 */
export function variantsWithKey(
  root: Schema,
  path: readonly Segment[],
  data: unknown,
  key: string,
): { discriminator: string; tags: unknown[] } | null {
  for (const schema of schemasAt(root, path, data)) {
    const inner = unwrap(schema);
    if (!(inner instanceof z.ZodDiscriminatedUnion)) continue;
    const discriminator = inner.def.discriminator;
    const tags = inner.options.flatMap((option) => {
      const object = unwrap(option);
      return object instanceof z.ZodObject && fieldOf(object, key) !== undefined
        ? tagsOf(option, discriminator)
        : [];
    });
    if (tags.length > 0) return { discriminator, tags };
  }
  return null;
}
