/**
 * Which shell `npm start` shows the kiosk in: Electron where its binary is installed, else a
 * Chromium if one is, else none (the URL is printed to open by hand). Electron's binary is found
 * the way node_modules/electron/index.js finds it, without requiring that module: requiring it
 * when the binary is missing starts a download, which on these machines hangs or fails.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Found = { path: string } | { missing: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Electron executable: `VITRINE_ELECTRON` (a path, or "none"), else the one npm's electron
 * package downloaded (its `path.txt` names the file under `dist/`, or under
 * ELECTRON_OVERRIDE_DIST_PATH), else why there is none.
 */
export function findElectron(env: NodeJS.ProcessEnv, packageDir?: string): Found {
  const override = env.VITRINE_ELECTRON?.trim();
  if (override === 'none') return { missing: 'VITRINE_ELECTRON=none' };
  if (override !== undefined && override !== '')
    return executable(override)
      ? { path: override }
      : { missing: `VITRINE_ELECTRON=${override} is not an executable` };
  let dir = packageDir;
  if (dir === undefined) {
    try {
      dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    } catch {
      return { missing: 'the electron package is not installed' };
    }
  }
  let name: string;
  try {
    name = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return { missing: "Electron's binary was never downloaded (no node_modules/electron/path.txt)" };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const path = join(distDir, name);
  return executable(path) ? { path } : { missing: `Electron's binary is not at ${path}` };
}

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** A Chromium: `VITRINE_CHROMIUM` (a path, or "none"), else the first of the usual places. */
export function findChromium(env: NodeJS.ProcessEnv, candidates: readonly string[] = CHROMIUM_PATHS): Found {
  const override = env.VITRINE_CHROMIUM?.trim();
  if (override === 'none') return { missing: 'VITRINE_CHROMIUM=none' };
  if (override !== undefined && override !== '')
    return executable(override)
      ? { path: override }
      : { missing: `VITRINE_CHROMIUM=${override} is not an executable` };
  const found = candidates.find(executable);
  return found === undefined ? { missing: `no Chromium at ${candidates.join(', ')}` } : { path: found };
}

export type ShellChoice =
  | { kind: 'electron'; path: string }
  | { kind: 'chromium'; path: string; why: string }
  | { kind: 'url'; why: string };

/** Electron, else Chromium, else the URL; `wanted` narrows it (`--ui`). */
export function chooseShell(
  wanted: 'auto' | 'electron' | 'chromium' | 'url',
  electron: Found,
  chromium: Found,
): ShellChoice | { error: string } {
  if (wanted === 'url') return { kind: 'url', why: '--ui url' };
  if (wanted === 'electron')
    return 'path' in electron
      ? { kind: 'electron', path: electron.path }
      : { error: `--ui electron: ${electron.missing}` };
  if (wanted === 'auto' && 'path' in electron) return { kind: 'electron', path: electron.path };
  const noElectron =
    wanted === 'auto' && 'missing' in electron ? `no Electron (${electron.missing})` : '--ui chromium';
  if ('path' in chromium) return { kind: 'chromium', path: chromium.path, why: noElectron };
  if (wanted === 'chromium') return { error: `--ui chromium: ${chromium.missing}` };
  return { kind: 'url', why: `${noElectron}, and ${chromium.missing}` };
}
