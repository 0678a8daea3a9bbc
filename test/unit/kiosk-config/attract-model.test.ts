import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfigText, parseConfigValue } from '../../../kiosk-config/index.js';
import { lineOf, minimalConfig, toText } from './config-fixture.js';

describe('the attract loop’s 3D model slide', () => {
  it('takes a model file, a product (whose own model turns), or both', () => {
    const result = parseConfigValue({
      ...minimalConfig(),
      attract: {
        playlist: [
          { kind: 'model', src: 'models/shoe.glb' },
          { kind: 'model', productId: 'P000012' },
          {
            kind: 'model',
            src: 'https://cdn.example.com/bag.glb',
            productId: 'P000013',
            durationSeconds: 20,
          },
        ],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.attract.playlist).toEqual([
      { kind: 'model', src: 'models/shoe.glb', durationSeconds: 15 },
      { kind: 'model', productId: 'P000012', durationSeconds: 15 },
      { kind: 'model', src: 'https://cdn.example.com/bag.glb', productId: 'P000013', durationSeconds: 20 },
    ]);
  });

  it('refuses a slide with neither, an empty product id and unknown keys, naming each field and its line', () => {
    const text = toText({
      ...minimalConfig(),
      attract: {
        playlist: [
          { kind: 'model', durationSeconds: 10 },
          { kind: 'model', productId: '' },
          { kind: 'model', src: 'a.glb', product: 'P1' },
        ],
      },
    });
    const result = parseConfigText(text);
    if (result.ok) throw new Error('expected problems');
    const problems = result.kind === 'invalid' ? result.problems : [];
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'attract.playlist[0].src',
        'a 3D model slide needs "src" (a model file), "productId" (a product with a model), or both',
      ],
      ['attract.playlist[1].productId', 'must not be empty'],
      ['attract.playlist[2]', 'unknown key "product" — did you mean "productId"?'],
    ]);
    // A missing field points at its slide's "{", an unknown key at itself.
    expect(problems[0]?.line).toBe(lineOf(text, '"durationSeconds": 10') - 2);
    expect(problems[2]?.line).toBe(lineOf(text, '"product": "P1"'));
  });

  it('says so in the JSON Schema too, for editors', () => {
    const text = JSON.stringify(configJsonSchema());
    expect(text).toContain('"anyOf":[{"required":["src"]},{"required":["productId"]}]');
  });
});
