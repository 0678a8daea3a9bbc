/** The Electron app's command line and config file: where they come from, and what a bad one says. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShellConfig, parseShellArgs } from '../../../../main/electron/shell-config.js';
import { useTempDir } from '../../../support/temp.js';
import { testConfig } from './shell-fixture.js';

const tempDir = useTempDir();

describe('parseShellArgs', () => {
  it('reads --config, --data and --dev among Chromium switches', () => {
    const args = parseShellArgs(
      ['.', '--ozone-platform=wayland', '--config', '/srv/kiosk.json', '--data=/var/lib/vitrine', '--dev'],
      {},
      'linux',
    );
    expect(args).toEqual({ configPath: '/srv/kiosk.json', dataDir: '/var/lib/vitrine', dev: true });
  });

  it('falls back to the environment, then to the platform default', () => {
    expect(parseShellArgs([], { VITRINE_CONFIG: '/etc/k.json', VITRINE_DATA: '/d' }, 'linux')).toEqual({
      configPath: '/etc/k.json',
      dataDir: '/d',
      dev: false,
    });
    expect(parseShellArgs([], {}, 'linux').configPath).toBe('/etc/vitrine/kiosk.json');
    expect(parseShellArgs([], { ProgramData: 'D:\\Data' }, 'win32').configPath).toContain('Vitrine');
  });
});

describe('loadShellConfig', () => {
  it('gives the config and the data directory beside it, as vitrine kiosk does', () => {
    const dir = tempDir();
    const path = join(dir, 'kiosk.json');
    writeFileSync(path, JSON.stringify(testConfig()));
    const loaded = loadShellConfig(path, undefined);
    expect(loaded).toMatchObject({
      ok: true,
      configDir: dir,
      dataDir: join(dir, '.vitrine', 'ber-01-kiosk-1'),
    });
  });

  it('names every problem with its line, or the unreadable file', () => {
    const dir = tempDir();
    const path = join(dir, 'kiosk.json');
    writeFileSync(path, '{\n  "device": { "id": "Bad Id", "name": "x" }\n}\n');
    const loaded = loadShellConfig(path, undefined);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.message).toContain(`${path}:2: device.id:`);
    expect(loadShellConfig(join(dir, 'missing.json'), undefined)).toEqual({
      ok: false,
      message: `${join(dir, 'missing.json')}: cannot read the config (ENOENT)`,
    });
  });
});
