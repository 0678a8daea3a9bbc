/**
 * `npm start` as CI runs it, with no Electron binary: it brings up the hub with the demo catalog
 * and a provisioned kiosk, falls back to Chromium (here a stand-in executable that records how it
 * was started), serves the UI, and stops everything cleanly on Ctrl-C. Plus the choice of shell
 * and how Electron's binary is found without letting the electron package download it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseShell, findChromium, findElectron } from '../../../scripts/start/find-shell.js';
import { repoRoot } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { until } from '../sync/device-fixture.js';

const tempDir = useTempDir();

/**
 * `npm start -- ARGS` in a process group of its own, as a terminal runs it: Ctrl-C there signals
 * the whole group (npm, the shell npm starts, and node), which `interrupt` does too. Whatever is
 * still running after the test is killed, group and all.
 */
const groups = new Set<number>();
afterEach(() => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  groups.clear();
});

function npmStart(args: readonly string[], env: NodeJS.ProcessEnv) {
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  groups.add(pid);
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-5000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      groups.delete(pid);
      resolve({ code, signal });
    });
  });
  return {
    lines,
    exited,
    stderr: () => stderr,
    interrupt: () => {
      process.kill(-pid, 'SIGINT');
    },
  };
}

/** A "Chromium" that writes its arguments to a file and waits to be stopped. */
function fakeChromium(dir: string): { path: string; argsFile: string } {
  const path = join(dir, 'chromium');
  const argsFile = join(dir, 'chromium-args.txt');
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexec sleep 600\n`);
  chmodSync(path, 0o755);
  return { path, argsFile };
}

describe('npm start', () => {
  it(
    'brings up the hub and the kiosk in Chromium without Electron, serves the UI, and stops cleanly',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const chromium = fakeChromium(dir);
      const demoDir = join(dir, 'demo');
      // As in CI: no Electron binary (also on a developer machine that has one), and "Chromium" is the stand-in.
      const started = npmStart(['--dir', demoDir, '--hub-port', '0'], {
        VITRINE_ELECTRON: 'none',
        VITRINE_CHROMIUM: chromium.path,
      });
      await until(
        'npm start to be running',
        () => started.lines.some((line) => line.startsWith('start: running')),
        120,
      );
      const hubLine = started.lines.find((line) => line.startsWith('hub: http'))!;
      expect(hubLine).toContain('demo catalog imported: 2000 products');
      const hubUrl = /^hub: (http:\/\/127\.0\.0\.1:\d+)/.exec(hubLine)![1]!;
      const kioskUrl = started.lines
        .find((line) => line.startsWith('kiosk: open '))!
        .slice('kiosk: open '.length);
      expect(started.lines).toContain(
        `kiosk: shown in Chromium's kiosk mode (${chromium.path}; no Electron (VITRINE_ELECTRON=none))`,
      );

      // The UI, with its CSP, and the script it loads.
      const page = await fetch(kioskUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      const script = /<script[^>]+src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(new URL(script!, kioskUrl))).status).toBe(200);

      // Chromium was started in kiosk mode on that page.
      await until('Chromium started', () => {
        try {
          return readFileSync(chromium.argsFile, 'utf8').includes('--kiosk');
        } catch {
          return false;
        }
      });
      const args = readFileSync(chromium.argsFile, 'utf8').split('\n');
      expect(args).toContain(`--app=${kioskUrl}`);

      // The kiosk enrolled with the hub and synced: the hub lists it online.
      const token = readFileSync(join(demoDir, 'hub', 'admin-token'), 'utf8').trim();
      await until('the kiosk online at the hub', async () => {
        const response = await fetch(`${hubUrl}/api/v1/admin/devices`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const { devices } = (await response.json()) as { devices: { online: boolean }[] };
        return devices.length === 1 && devices[0]!.online;
      });

      started.interrupt();
      // npm ends itself with the signal it got once its script has exited; the script, which
      // says "stopped" only after the kiosk and the hub have closed, exits 0 (npm would say otherwise).
      const exit = await started.exited;
      expect(exit.code === 0 || exit.signal === 'SIGINT', `${JSON.stringify(exit)} ${started.stderr()}`).toBe(
        true,
      );
      expect(started.stderr()).not.toContain('Lifecycle script `start` failed');
      expect(started.lines.at(-1)).toBe('start: stopped');
      await expect(fetch(kioskUrl)).rejects.toThrow();
      await expect(fetch(hubUrl)).rejects.toThrow();
    },
  );
});

describe('choosing the shell', () => {
  it("finds Electron's binary the way the electron package does, without downloading it", () => {
    const dir = tempDir();
    expect(findElectron({}, dir)).toEqual({
      missing: "Electron's binary was never downloaded (no node_modules/electron/path.txt)",
    });
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectron({}, dir)).toEqual({
      missing: `Electron's binary is not at ${join(dir, 'dist', 'electron')}`,
    });
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
    expect(findElectron({}, dir)).toEqual({ path: join(dir, 'dist', 'electron') });
    expect(findElectron({ VITRINE_ELECTRON: 'none' }, dir)).toEqual({ missing: 'VITRINE_ELECTRON=none' });
    // This machine has the electron package but not its binary.
    expect(findElectron({})).toHaveProperty('missing');
  });

  it('prefers Electron, then Chromium, then the URL', () => {
    const electron = { path: '/e' };
    const chromium = { path: '/c' };
    const none = { missing: 'absent' };
    expect(chooseShell('auto', electron, chromium)).toEqual({ kind: 'electron', path: '/e' });
    expect(chooseShell('auto', none, chromium)).toEqual({
      kind: 'chromium',
      path: '/c',
      why: 'no Electron (absent)',
    });
    expect(chooseShell('auto', none, none)).toEqual({ kind: 'url', why: 'no Electron (absent), and absent' });
    expect(chooseShell('electron', none, chromium)).toEqual({ error: '--ui electron: absent' });
    expect(chooseShell('url', electron, chromium)).toEqual({ kind: 'url', why: '--ui url' });
    expect(findChromium({}, ['/nonexistent/chromium'])).toEqual({
      missing: 'no Chromium at /nonexistent/chromium',
    });
  });
});
