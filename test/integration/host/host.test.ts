import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_CALL_CHANNEL, type BridgeReply } from '../../../shared/bridge/index.js';
import { ConfigLoadError, startHost, type Host, type HostOptions } from '../../../main/host/index.js';
import type { RuntimeOptions } from '../../../main/runtime/runtime-types.js';
import { until } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import {
  rawRequest,
  recordingLog,
  testRuntime,
  useBridgeClients,
  writeConfig,
  type TestRuntime,
} from './host-fixture.js';

const tempDir = useTempDir();
const connect = useBridgeClients();
const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

function withTestRuntime(options: Omit<HostOptions, 'appVersion' | 'log' | 'startRuntime'>): {
  options: HostOptions;
  started: { options?: RuntimeOptions; runtime?: TestRuntime };
} {
  const started: { options?: RuntimeOptions; runtime?: TestRuntime } = {};
  return {
    started,
    options: {
      appVersion: '9.9.9',
      log: recordingLog(),
      startRuntime: (runtimeOptions) => {
        started.options = runtimeOptions;
        started.runtime = testRuntime();
        return Promise.resolve(started.runtime);
      },
      ...options,
    },
  };
}

async function start(options: HostOptions): Promise<Host> {
  const host = await startHost(options);
  hosts.push(host);
  return host;
}

describe('startHost', () => {
  it('serves the renderer and the bridge, with the secret only in the URL fragment', async () => {
    const dir = tempDir();
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    const { options, started } = withTestRuntime({ configPath: writeConfig(dir), ui: true, rendererDir });
    const host = await start(options);

    expect(host.url).toBe(`http://127.0.0.1:${String(host.port)}/`);
    const secret = /^http:\/\/127\.0\.0\.1:\d+\/#secret=([A-Za-z0-9_-]{43})$/.exec(host.secretUrl ?? '')?.[1];
    expect(secret).toBeDefined();
    expect(host.secretUrl).toBe(`${String(host.url)}#secret=${String(secret)}`);

    const index = await rawRequest(host.port!, '/');
    expect(index.status).toBe(200);
    expect(index.body).toBe('<!doctype html><title>kiosk</title>');
    expect(JSON.stringify(index.headers)).not.toContain(secret);

    const origin = host.url!.slice(0, -1);
    await expect(connect(origin, { auth: { secret: 'guess' } })).rejects.toThrow('wrong secret');
    const socket = await connect(origin, { auth: { secret }, headers: { origin } });
    const reply = (await socket
      .timeout(10_000)
      .emitWithAck(BRIDGE_CALL_CHANNEL, 'kiosk.info', {})) as BridgeReply;
    expect(reply.ok).toBe(true);

    // The default data dir, made for the runtime, and what the runtime was started with.
    const dataDir = join(dir, '.vitrine', 'ber-kiosk-1');
    expect(host.dataDir).toBe(dataDir);
    expect(existsSync(dataDir)).toBe(true);
    expect(started.options).toMatchObject({ configDir: dir, dataDir, appVersion: '9.9.9' });
    expect(started.options?.config.device.id).toBe('ber-kiosk-1');

    await host.stop();
    expect(started.runtime?.stopped).toBe(true);
    expect(started.runtime?.listeners).toBe(0);
    await expect(rawRequest(host.port!, '/')).rejects.toThrow('ECONNREFUSED');
    await host.stop();
  });

  it('without a UI starts the runtime only, in the data dir given', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const { options, started } = withTestRuntime({ configPath: writeConfig(tempDir()), ui: false, dataDir });
    const host = await start(options);
    expect([host.url, host.secretUrl, host.port]).toEqual([undefined, undefined, undefined]);
    expect(existsSync(dataDir)).toBe(true);
    expect(started.options?.dataDir).toBe(dataDir);
    await host.stop();
    expect(started.runtime?.stopped).toBe(true);
  });

  it('refuses a config with problems, listing each with the file name, before starting anything', async () => {
    const configPath = writeConfig(tempDir(), { store: { code: 'no spaces allowed' }, mode: 'kiosks' });
    const { options, started } = withTestRuntime({ configPath, ui: true });
    const error = await startHost(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigLoadError);
    const message = (error as ConfigLoadError).message;
    expect((error as ConfigLoadError).kind).toBe('invalid');
    expect(message.split('\n')[0]).toBe(`${configPath}: the config has 2 problems:`);
    expect(message).toMatch(new RegExp(`^${configPath}:\\d+: store\\.code: `, 'm'));
    expect(message).toMatch(new RegExp(`^${configPath}:\\d+: mode: `, 'm'));
    expect(started.runtime).toBeUndefined();

    const missing = join(tempDir(), 'missing.json');
    await expect(startHost({ ...options, configPath: missing })).rejects.toThrow(
      `${missing}: cannot read the config: no such file`,
    );
  });

  it('stops the runtime again when the port is taken, and says which port', async () => {
    const { options: first } = withTestRuntime({ configPath: writeConfig(tempDir()), ui: true });
    const taken = await start(first);
    const { options, started } = withTestRuntime({
      configPath: writeConfig(tempDir()),
      ui: true,
      port: taken.port!,
    });
    await expect(startHost(options)).rejects.toThrow(
      `host: cannot listen on 127.0.0.1:${String(taken.port)}: the port is in use`,
    );
    expect(started.runtime?.stopped).toBe(true);
  });

  it('refuses a browser path that is not executable, before starting the runtime', async () => {
    const browserPath = join(tempDir(), 'chromium');
    writeFileSync(browserPath, '');
    const { options, started } = withTestRuntime({
      configPath: writeConfig(tempDir()),
      ui: true,
      browserPath,
    });
    await expect(startHost(options)).rejects.toThrow(`browser: ${browserPath} is not an executable file`);
    expect(started.runtime).toBeUndefined();
  });

  it('launches the browser on the secret URL, and kills it on stop', async () => {
    const dir = tempDir();
    const record = join(dir, 'argv.json');
    const browserPath = join(dir, 'chromium');
    writeFileSync(
      browserPath,
      `#!/usr/bin/env node\nsetInterval(() => undefined, 1000);\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`,
    );
    chmodSync(browserPath, 0o755);
    const { options } = withTestRuntime({
      configPath: writeConfig(dir),
      ui: true,
      browserPath,
      dataDir: dir,
    });
    const host = await start(options);
    await until('the browser to start', () => existsSync(record));
    const args = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(args).toContain(`--app=${String(host.secretUrl)}`);
    expect(args).toContain(`--user-data-dir=${join(dir, 'browser-profile')}`);
    await host.stop();
    const log = options.log as ReturnType<typeof recordingLog>;
    expect(log.entries.find((e) => e.message === 'browser: stopped')?.details).toMatchObject({
      signal: 'SIGTERM',
    });
  });

  it('lets staff exit only a kiosk whose browser it launched: then the browser and the host stop', async () => {
    // Without a browser of its own (someone else opened the page, or no UI): no way out to give.
    for (const ui of [true, false]) {
      const { options, started } = withTestRuntime({ configPath: writeConfig(tempDir()), ui });
      await start(options);
      expect(started.options).toBeDefined();
      expect(started.options?.exitKiosk).toBeUndefined();
    }

    const dir = tempDir();
    const launched = join(dir, 'launched');
    const browserPath = join(dir, 'chromium');
    writeFileSync(
      browserPath,
      `#!/usr/bin/env node\nsetInterval(() => undefined, 1000);\nrequire('node:fs').writeFileSync(${JSON.stringify(launched)}, '');\n`,
    );
    chmodSync(browserPath, 0o755);
    const withBrowser = withTestRuntime({
      configPath: writeConfig(dir),
      ui: true,
      browserPath,
      dataDir: dir,
    });
    const host = await start(withBrowser.options);
    await until('the browser to start', () => existsSync(launched));
    const exitKiosk = withBrowser.started.options?.exitKiosk;
    expect(exitKiosk).toBeTypeOf('function');
    let exitRequested = false;
    void host.exitRequested.then(() => (exitRequested = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(exitRequested).toBe(false);

    exitKiosk!();
    await host.exitRequested;
    await host.stop();
    const log = withBrowser.options.log as ReturnType<typeof recordingLog>;
    expect(log.entries.map((e) => e.message)).toContain(
      'host: staff exited the kiosk; stopping the browser and the host',
    );
    expect(log.entries.find((e) => e.message === 'browser: stopped')?.details).toMatchObject({
      signal: 'SIGTERM',
    });
    expect(withBrowser.started.runtime?.stopped).toBe(true);
    await expect(rawRequest(host.port!, '/')).rejects.toThrow('ECONNREFUSED');
  });
});
