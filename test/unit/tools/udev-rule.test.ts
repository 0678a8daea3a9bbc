import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../kiosk-config/udev/', import.meta.url);

describe('the udev rule that ships', () => {
  it('sorts before 73-seat-late.rules and gives hidraw devices to the vitrine group, mode 0660', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.rules'));
    expect(files).toEqual(['70-vitrine-hid.rules']);
    expect([files[0]!, '73-seat-late.rules'].sort()[0]).toBe(files[0]);
    const rules = readFileSync(new URL(files[0]!, dir), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) {
      expect(rule).toMatch(
        /^KERNEL=="hidraw\*", SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", GROUP="vitrine", MODE="0660"$/,
      );
    }
    // Honeywell and MagTek, the scanner and reader the decoders document.
    expect(rules.join('\n')).toContain('"0c2e"');
    expect(rules.join('\n')).toContain('"0801"');
  });
});
