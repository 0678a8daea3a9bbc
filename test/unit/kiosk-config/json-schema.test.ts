import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../../kiosk-config/index.js';

type SchemaNode = Record<string, unknown>;

function objectNodes(node: unknown, out: SchemaNode[] = []): SchemaNode[] {
  if (Array.isArray(node)) for (const item of node) objectNodes(item, out);
  else if (typeof node === 'object' && node !== null) {
    const record = node as SchemaNode;
    if (record.type === 'object') out.push(record);
    for (const value of Object.values(record)) objectNodes(value, out);
  }
  return out;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema();

  it('is draft 2020-12 with a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Vitrine device config');
  });

  it('requires what has no default, and one of hub or standalone', () => {
    expect(schema.required).toEqual(['device', 'store', 'mode', 'staff']);
    expect(schema.oneOf).toEqual([{ required: ['hub'] }, { required: ['standalone'] }]);
  });

  it('refuses unknown keys in every object', () => {
    const objects = objectNodes(schema);
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it('describes fields and shows defaults for editors', () => {
    const properties = schema.properties as Record<string, SchemaNode>;
    const idle = properties.idle?.properties as Record<string, SchemaNode>;
    expect(idle.timeoutSeconds).toMatchObject({ type: 'integer', minimum: 10, default: 60 });
    expect(idle.warningSeconds?.description).toMatch(/WCAG 2.2.1/);
    expect(properties.device?.title).toBe('Device');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
