/**
 * The package, without building it (electron-builder cannot download Electron here): the config
 * passes electron-builder's own validation, flips the fuses and unpacks the native modules; the
 * deb's files exist and its scripts are valid bash once electron-builder has filled them in; the
 * entry point package.json names is where the app build puts main.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../support/processes.js';
import { useTempDir } from '../../../support/temp.js';

const tempDir = useTempDir();
const require = createRequire(import.meta.url);

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  /** Normalized by electron-builder into file sets. */
  files: { filter: string[] }[];
  linux: { target: string[]; executableName: string };
  deb: { fpm: string[]; afterInstall: string; afterRemove: string; recommends: string[] };
  win: { target: string[] };
  productName: string;
}

/** electron-builder's own loader and validator (app-builder-lib, which `electron-builder` runs). */
async function builderConfig(projectDir = repoRoot): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig: (dir: string, path: string | null, extra: null) => Promise<unknown>;
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's validation, which refuses an unknown option", async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);

    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    writeFileSync(join(dir, 'electron-builder.yml'), 'appId: x\nlinux:\n  targett: deb\n');
    await expect(builderConfig(dir)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.linux/,
    );
  });

  it('flips the fuses and keeps native modules out of the archive', async () => {
    const config = await builderConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    for (const module of ['better-sqlite3', 'node-hid', 'usb'])
      expect(config.asarUnpack).toContain(`**/node_modules/${module}/**`);
    expect(config.files.flatMap((set) => set.filter)).toEqual(
      expect.arrayContaining(['dist/app/**/*', 'dist/renderer/**/*']),
    );
  });

  it('installs the udev rule and a systemd unit that starts the kiosk at boot and restarts it', async () => {
    const config = await builderConfig();
    const mappings = new Map(config.deb.fpm.map((mapping) => mapping.split('=') as [string, string]));
    expect([...mappings.values()]).toEqual([
      '/lib/udev/rules.d/70-vitrine-hid.rules',
      '/lib/systemd/system/vitrine-kiosk.service',
    ]);
    for (const source of mappings.keys()) expect(existsSync(join(repoRoot, source)), source).toBe(true);

    const unit = readFileSync(join(repoRoot, 'packaging/linux/vitrine-kiosk.service'), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1];
    // cage without -s: no switching to another VT with Ctrl+Alt+Fn.
    expect(execStart).toBe(
      `/usr/bin/cage -- /opt/${config.productName}/${config.linux.executableName} --ozone-platform=wayland --config /etc/vitrine/kiosk.json --data /var/lib/vitrine`,
    );
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^WantedBy=graphical\.target$/m);
    expect(unit).toMatch(/^User=vitrine$/m);
    expect(config.deb.recommends).toEqual(['cage']);
  });

  it("has install scripts that use only electron-builder's macros and are valid bash once filled in", async () => {
    const config = await builderConfig();
    for (const template of [config.deb.afterInstall, config.deb.afterRemove]) {
      const text = readFileSync(join(repoRoot, template), 'utf8');
      const macros = new Set([...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
      expect([...macros].sort(), template).toEqual(['executable', 'sanitizedProductName']);
      const filled = text
        .replaceAll('${executable}', config.linux.executableName)
        .replaceAll('${sanitizedProductName}', config.productName);
      const script = join(tempDir(), 'script.sh');
      writeFileSync(script, filled);
      const check = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
      expect(check.stderr, template).toBe('');
      expect(check.status).toBe(0);
    }
    const install = readFileSync(join(repoRoot, config.deb.afterInstall), 'utf8');
    expect(install).toContain('systemctl enable vitrine-kiosk.service');
    expect(install).toContain('udevadm control --reload-rules');
  });
});

describe('the app build', () => {
  it('puts main.ts where package.json says the Electron entry is', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    const tsconfig = readFileSync(join(repoRoot, 'packaging/tsconfig.app.json'), 'utf8');
    expect(tsconfig).toContain('"outDir": "../dist/app"');
    expect(tsconfig).toContain('"rootDir": ".."');
    expect(pkg.main).toBe('dist/app/main/electron/main.js');
    expect(pkg.scripts.dist).toContain('electron-builder');
    expect(pkg.scripts.check).toContain('lint:electron');
  });
});
