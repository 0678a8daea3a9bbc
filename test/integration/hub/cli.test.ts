import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../kiosk-config/index.js';
import { main } from '../../../scripts/cli/main.js';
import { captureOutput } from '../../support/capture-output.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs } from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();
const output = captureOutput();
const repo = resolve(import.meta.dirname, '../../..');

afterEach(() => {
  process.exitCode = undefined;
});

describe('vitrine hub and provision (CLI against a real hub)', () => {
  it('provisions a device: the config passes the config schema and enrolls once', async () => {
    const data = tempDir();
    const test = await hubs.start(data);
    await test.hub.importFeed(catalogText(5), { fileName: 'seed.jsonl' });
    const file = join(tempDir(), 'kiosk.json');
    const code = await main([
      'provision',
      '--hub',
      test.hub.url,
      '--store',
      'BER-MITTE',
      '--name',
      'Entrance kiosk',
      '--out',
      file,
      '--data',
      data,
    ]);
    expect(output.stderr).toBe('');
    expect(code).toBe(0);
    const pin = /staff PIN \(shown once[^:]*\): (\d{6})/.exec(output.stdout)?.[1];
    expect(pin).toMatch(/^\d{6}$/);
    const text = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = parseConfigText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.config.store.code).toBe('BER-MITTE');
    expect(parsed.config.hub?.url).toBe(test.hub.url);
    const devices = await test.hub.store.listDevices();
    expect(devices.map((d) => d.id)).toEqual([parsed.config.device.id]);

    const enroll = await fetch(`${test.hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, code: parsed.config.hub?.enrollmentCode, appVersion: '0.1.0' }),
    });
    expect(enroll.status).toBe(200);

    // Never overwrites; unknown store is an input error and creates nothing.
    expect(
      await main([
        'provision',
        '--hub',
        test.hub.url,
        '--store',
        'BER-MITTE',
        '--name',
        'x',
        '--out',
        file,
        '--data',
        data,
      ]),
    ).toBe(2);
    const other = join(tempDir(), 'other.json');
    expect(
      await main([
        'provision',
        '--hub',
        test.hub.url,
        '--store',
        'NOWHERE',
        '--name',
        'x',
        '--out',
        other,
        '--data',
        data,
      ]),
    ).toBe(1);
    expect(output.stderr).toMatch(/no store NOWHERE/);
    expect(await test.hub.store.listDevices()).toHaveLength(1);
  });

  it('imports a file and lists stores and devices through the admin API', async () => {
    const data = tempDir();
    const test = await hubs.start(data);
    const feed = join(tempDir(), 'catalog.jsonl');
    writeFileSync(feed, catalogText(10));
    expect(await main(['hub', 'import', feed, '--hub', test.hub.url, '--data', data])).toBe(0);
    expect(output.stdout).toMatch(/changed: {2}8 stores, 10 products/);
    expect(await main(['hub', 'stores', '--hub', test.hub.url, '--data', data, '--json'])).toBe(0);
    expect(output.stdout).toContain('"code": "BER-MITTE"');
    expect(await main(['hub', 'devices', '--hub', test.hub.url, '--data', data])).toBe(0);
    expect(output.stdout).toContain('no devices yet');

    process.env.VITRINE_ADMIN_TOKEN = 'not-the-token-not-the-token';
    try {
      expect(await main(['hub', 'stores', '--hub', test.hub.url])).toBe(2);
      expect(output.stderr).toMatch(/401/);
    } finally {
      delete process.env.VITRINE_ADMIN_TOKEN;
    }
    expect(await main(['hub', 'stores', '--hub', test.hub.url])).toBe(2);
    expect(output.stderr).toMatch(/no admin token/);
  });

  it('sends a command to a device and lists it, refusing a bad config file with line numbers', async () => {
    const data = tempDir();
    const test = await hubs.start(data);
    await test.hub.importFeed(catalogText(5), { fileName: 'seed.jsonl' });
    const created = await test.admin('POST', 'devices', { storeCode: 'BER-MITTE', name: 'Entrance kiosk' });
    const { deviceId } = created.json as { deviceId: string };

    expect(await main(['hub', 'command', deviceId, 'reload', '--hub', test.hub.url, '--data', data])).toBe(0);
    const commandId = output.stdout.trim();
    expect(commandId).toMatch(/^cmd-[\w-]+$/);
    expect(output.stderr).toMatch(/offline; it gets the command when it connects/);
    expect((await test.hub.store.getCommand(commandId))?.kind).toBe('reload');

    const file = join(tempDir(), 'kiosk.json');
    writeFileSync(file, '{\n  "mode": "disco"\n}\n');
    const args = [
      'hub',
      'command',
      deviceId,
      'config',
      '--config',
      file,
      '--hub',
      test.hub.url,
      '--data',
      data,
    ];
    expect(await main(args)).toBe(1);
    expect(output.stderr).toContain(`${file}:2: mode: `);
    expect(await main(['hub', 'command', deviceId, 'config', '--hub', test.hub.url, '--data', data])).toBe(2);
    expect(await main(['hub', 'command', deviceId, 'dance', '--hub', test.hub.url, '--data', data])).toBe(2);
    expect(await main(['hub', 'command', 'no-such', 'reload', '--hub', test.hub.url, '--data', data])).toBe(
      1,
    );

    expect(await main(['hub', 'commands', deviceId, '--hub', test.hub.url, '--data', data])).toBe(0);
    expect(output.stdout).toContain(`${commandId}\treload\tqueued`);
    expect(await main(['hub', 'devices', '--hub', test.hub.url, '--data', data])).toBe(0);
    expect(output.stdout).toContain('commands 1 pending, 0 done');
  });

  it('refuses a bad --port, --nearby-km or --nearby-max before starting anything', async () => {
    const data = tempDir();
    await expect(main(['hub', 'serve', '--data', data, '--port', '99999'])).resolves.toBe(2);
    expect(output.stderr).toContain('--port: expected a whole number from 0 to 65535, got "99999"');
    await expect(main(['hub', 'serve', '--data', data, '--nearby-km', 'far'])).resolves.toBe(2);
    expect(output.stderr).toContain('--nearby-km: expected a number from 0 to 20000, got "far"');
    await expect(main(['hub', 'serve', '--data', data, '--nearby-max', '2.5'])).resolves.toBe(2);
    expect(output.stderr).toContain('--nearby-max: expected a whole number from 0 to 100, got "2.5"');
  });

  it('runs `vitrine hub --demo` as a process and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const child = spawn(
      process.execPath,
      [join(repo, 'scripts/bin/vitrine.mjs'), 'hub', '--port', '0', '--data', data, '--demo'],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolveExit) =>
      child.on('exit', (code) => {
        resolveExit(code);
      }),
    );
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('hub listening at http')) ready();
      });
      child.on('exit', () => {
        fail(new Error(`hub exited early: ${stdout}${stderr}`));
      });
    });
    expect(stdout).toMatch(/admin token \(shown once/);
    expect(stdout).toMatch(/demo catalog: 2000 products, 8 stores/);
    const url = /hub listening at (http:\/\/[^ ]+) /.exec(stdout)?.[1];
    const health = (await (await fetch(`${url!}/health`)).json()) as { products: number };
    expect(health.products).toBe(2000);
    // Demo members, with purchases from the demo catalog so suggestions have something to go on.
    expect(stdout).toMatch(/demo member Anna \(Gold\): card 6012340000001001, QR vitrine-member:\S+/);
    const token = /admin token \(shown once[^\n]*\n(\S+)/.exec(stdout)?.[1];
    const anna = (await (
      await fetch(`${url!}/api/v1/admin/members/M-1001`, { headers: { authorization: `Bearer ${token!}` } })
    ).json()) as { firstName: string; history: { purchases: number } };
    expect(anna).toMatchObject({ firstName: 'Anna', history: { purchases: 4 } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
