import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseConfigText } from '../../../kiosk-config/index.js';

const examplesDir = fileURLToPath(new URL('../../../kiosk-config/examples/', import.meta.url));
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.json'));

describe('kiosk-config/examples', () => {
  it('has the documented examples', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['kiosk-with-hub.json', 'shop-window.json', 'standalone-kiosk.json']),
    );
  });

  it.each(examples)('%s validates', (name) => {
    const result = parseConfigText(readFileSync(`${examplesDir}${name}`, 'utf8'));
    const problems = result.ok ? [] : result.problems.map((problem) => formatProblem(problem, name));
    expect(problems).toEqual([]);
  });

  it('shows a shop window with opening hours and an attract loop', () => {
    const result = parseConfigText(readFileSync(`${examplesDir}shop-window.json`, 'utf8'));
    if (!result.ok) throw new Error('shop-window.json is invalid');
    expect(result.config.mode).toBe('window');
    expect(result.config.displays[0]?.orientation).toBe('landscape');
    expect(result.config.openingHours?.timeZone).toBe('Europe/Berlin');
    expect(result.config.attract.playlist.length).toBeGreaterThan(0);
  });
});
