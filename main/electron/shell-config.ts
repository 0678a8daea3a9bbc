/**
 * What the Electron app is started with: `--config FILE` (else VITRINE_CONFIG, else the
 * platform's place for it), `--data DIR` (else VITRINE_DATA, else `.vitrine/<device id>` beside the
 * config, as `vitrine kiosk` does, so both shells share one data directory per config) and `--dev`
 * (DevTools and reload keys on). Chromium's own switches may sit on the same command line, so
 * unknown options are left alone rather than refused.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, parseConfigText, type KioskConfig } from '../../kiosk-config/index.js';

export interface ShellArgs {
  configPath: string;
  dataDir: string | undefined;
  dev: boolean;
}

/** Where a packaged kiosk looks for its config when none is named. */
export function defaultConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Vitrine', 'kiosk.json');
  if (platform === 'darwin') return '/Library/Application Support/Vitrine/kiosk.json';
  return '/etc/vitrine/kiosk.json';
}

export function parseShellArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): ShellArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      dev: { type: 'boolean', default: false },
    },
    strict: false,
    allowPositionals: true,
  });
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  return {
    configPath: resolve(text(values.config) ?? text(env.VITRINE_CONFIG) ?? defaultConfigPath(platform, env)),
    dataDir: (() => {
      const dir = text(values.data) ?? text(env.VITRINE_DATA);
      return dir === undefined ? undefined : resolve(dir);
    })(),
    dev: values.dev === true,
  };
}

export type LoadedShellConfig =
  | { ok: true; config: KioskConfig; configPath: string; configDir: string; dataDir: string }
  | { ok: false; message: string };

/** The config file, parsed, with every problem in one message (`file:line: path: problem`). */
export function loadShellConfig(configPath: string, dataDir: string | undefined): LoadedShellConfig {
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: `${configPath}: cannot read the config (${code})` };
  }
  const parsed = parseConfigText(text);
  if (!parsed.ok)
    return {
      ok: false,
      message: parsed.problems.map((problem) => formatProblem(problem, configPath)).join('\n'),
    };
  const configDir = dirname(configPath);
  return {
    ok: true,
    config: parsed.config,
    configPath,
    configDir,
    dataDir: dataDir ?? join(configDir, '.vitrine', parsed.config.device.id),
  };
}
