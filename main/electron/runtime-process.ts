/**
 * Entry of the runtime's utility process (Electron `utilityProcess.fork`). The runtime runs beside
 * the windows rather than in the main process: a crash in a native module (node-hid, SQLite) or a
 * runaway sync ends this process, not the windows, and the main process's watchdog starts it again.
 * A utility process rather than `child_process.fork`: the packaged app has the RunAsNode fuse off,
 * which `fork` needs, and Electron recommends utility processes for exactly this.
 *
 * Arguments: `--config FILE --data DIR --app-version V`. The log goes to stderr (pino), which the
 * main process passes on to its own.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { ParentPort } from 'electron';
import { startRuntime } from '../runtime/runtime.js';
import { serveRuntime } from './runtime-serve.js';
import { loadShellConfig } from './shell-config.js';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    data: { type: 'string' },
    'app-version': { type: 'string', default: '0.0.0' },
  },
  strict: true,
});
const log = pino({ name: 'vitrine-runtime' }, process.stderr);
const port: ParentPort = process.parentPort;

if (values.config === undefined) {
  log.error({}, 'runtime process: started without --config');
  process.exit(2);
}
const loaded = loadShellConfig(values.config, values.data);

serveRuntime({
  port,
  log,
  exit: (code) => {
    // Let pino flush the last lines, then leave.
    log.flush(() => process.exit(code));
  },
  start: (commands, exitKiosk) => {
    if (!loaded.ok) return Promise.reject(new Error(loaded.message));
    return startRuntime({
      config: loaded.config,
      configDir: loaded.configDir,
      configPath: loaded.configPath,
      dataDir: loaded.dataDir,
      appVersion: values['app-version'],
      log,
      commands,
      exitKiosk,
    });
  },
});
