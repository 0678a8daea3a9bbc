import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../../main/runtime/session/pin.js';
import { main } from '../../../scripts/cli/main.js';
import { captureOutput } from '../../support/capture-output.js';
import { lineOf, minimalConfig, toText } from '../kiosk-config/config-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrine-config-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const good = file('good.json', toText(minimalConfig()));
const invalidText = toText({ ...minimalConfig(), mode: 'shop', idleTimeout: 5 });
const invalid = file('invalid.json', invalidText);
const modeLine = lineOf(invalidText, '"mode"');
const idleLine = lineOf(invalidText, '"idleTimeout"');
const broken = file('broken.json', '{\n  "mode": "kiosk",\n}\n');
const missing = join(dir, 'missing.json');

const output = captureOutput();

describe('vitrine config validate', () => {
  it('prints "FILE: ok" and exits 0 when every file is valid', async () => {
    await expect(main(['config', 'validate', good, good])).resolves.toBe(0);
    expect(output.stdout).toBe(`${good}: ok\n${good}: ok\n`);
    expect(output.stderr).toBe('');
  });

  it('prints each problem as FILE:LINE: path: message and exits 1', async () => {
    await expect(main(['config', 'validate', good, invalid])).resolves.toBe(1);
    expect(output.stdout).toBe(`${good}: ok\n`);
    expect(output.stderr.trimEnd().split('\n')).toEqual([
      `${invalid}:${String(modeLine)}: mode: expected "kiosk" or "window", got string "shop"`,
      `${invalid}:${String(idleLine)}: unknown key "idleTimeout" — did you mean "idle"?`,
    ]);
  });

  it('exits 2 for a file that is not JSON, even when others are merely invalid', async () => {
    await expect(main(['config', 'validate', invalid, broken])).resolves.toBe(2);
    expect(output.stderr).toContain(`${broken}:2: trailing comma before "}"`);
    expect(output.stderr).toContain(`${invalid}:${String(modeLine)}: mode:`);
  });

  it('exits 2 for a file that cannot be read, and still checks the rest', async () => {
    await expect(main(['config', 'validate', missing, good])).resolves.toBe(2);
    expect(output.stderr).toContain(`${missing}: cannot read: no such file`);
    expect(output.stdout).toBe(`${good}: ok\n`);
  });

  it('exits 2 without a file argument', async () => {
    await expect(main(['config', 'validate'])).resolves.toBe(2);
  });
});

describe('vitrine config schema', () => {
  it('prints the JSON Schema', async () => {
    await expect(main(['config', 'schema'])).resolves.toBe(0);
    const schema = JSON.parse(output.stdout) as { additionalProperties?: unknown; required?: unknown };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['device', 'store', 'mode', 'staff']);
    expect(output.stdout).toContain('\n  "type": "object"');
  });
});

describe('vitrine config hash-pin', () => {
  function withStdin(text: string): () => void {
    const original = Object.getOwnPropertyDescriptor(process, 'stdin');
    Object.defineProperty(process, 'stdin', { value: Readable.from([text]), configurable: true });
    return () => {
      if (original) Object.defineProperty(process, 'stdin', original);
    };
  }

  it('reads one line from stdin and prints a hash that verifies it', async () => {
    const restore = withStdin('482916\n');
    try {
      await expect(main(['config', 'hash-pin'])).resolves.toBe(0);
    } finally {
      restore();
    }
    const encoded = output.stdout.trim();
    expect(encoded).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(output.stdout + output.stderr).not.toContain('482916');
    await expect(verifyPin('482916', encoded)).resolves.toBe(true);
  });

  it('refuses a PIN that is not 4-12 digits with exit 1', async () => {
    const restore = withStdin('12\r\n');
    try {
      await expect(main(['config', 'hash-pin'])).resolves.toBe(1);
    } finally {
      restore();
    }
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe('cannot hash: a PIN has 4 to 12 digits, this one has 2\n');
  });
});
