import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { captureOutput } from '../../support/capture-output.js';

const output = captureOutput();

describe('vitrine barcode', () => {
  it('prints the parse result as JSON and exits 0 for a valid EAN-13', async () => {
    await expect(main(['barcode', '4006381333931', '--json'])).resolves.toBe(0);
    expect(JSON.parse(output.stdout)).toEqual({
      ok: true,
      value: { format: 'ean-13', input: '4006381333931', gtin: '04006381333931', ais: [] },
    });
    expect(output.stderr).toBe('');
  });

  it('prints the error as JSON and exits 1 for a bad check digit', async () => {
    await expect(main(['barcode', '4006381333932', '--json'])).resolves.toBe(1);
    expect(JSON.parse(output.stdout)).toEqual({
      ok: false,
      error: {
        code: 'bad-check-digit',
        message: 'EAN-13 "4006381333932" has check digit 2, expected 1',
        position: 12,
      },
    });
  });

  it('prints format, GTIN and each AI for people', async () => {
    await expect(main(['barcode', '(01)09506000134352(17)201225(10)ABC123'])).resolves.toBe(0);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^format\s+GS1 element string$/);
    expect(lines).toContainEqual(expect.stringMatching(/^GTIN\s+09506000134352$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\(17\) USE BY OR EXPIRY\s+2020-12-25$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\(10\) BATCH\/LOT\s+ABC123$/));
  });

  it('explains an invalid barcode on output.stderr with a caret under the culprit, and exits 1', async () => {
    await expect(main(['barcode', '4006381333932'])).resolves.toBe(1);
    expect(output.stdout).toBe('');
    expect(output.stderr.split('\n')).toEqual([
      'invalid barcode (bad-check-digit): EAN-13 "4006381333932" has check digit 2, expected 1',
      '  4006381333932',
      `  ${' '.repeat(12)}^`,
      '',
    ]);
  });

  it('applies --internal-prefix rules', async () => {
    await expect(
      main(['barcode', '2123456789010', '--json', '--internal-prefix', 'LOY', '21:13']),
    ).resolves.toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({
      ok: true,
      value: { format: 'internal', internal: { prefix: '21', code: '2123456789010' } },
    });
  });

  it('rejects a malformed --internal-prefix with exit 2', async () => {
    await expect(main(['barcode', '123', '--internal-prefix', '21:0'])).resolves.toBe(2);
    expect(output.stderr).toContain('--internal-prefix "21:0"');
  });

  it('reads --gs as the FNC1 separator', async () => {
    await expect(main(['barcode', ']C1010950600013435210ABC|21XYZ', '--gs', '|', '--json'])).resolves.toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ ok: true, value: { batch: 'ABC', serial: 'XYZ' } });
  });
});
