/**
 * `npm run bench -- <name> [options]`: benchmarks that print figures, with peers side by side
 * in the same run. Tests never assert on time; these are where speed is shown.
 */
import { runAnalyticsBench } from './analytics.js';
import { runCatalogBench } from './catalog.js';
import { runDevicesBench } from './devices.js';
import { runSyncBench } from './sync.js';
import { runUiBench } from './ui.js';

const benches: Record<string, (args: string[]) => Promise<void> | void> = {
  analytics: runAnalyticsBench,
  catalog: runCatalogBench,
  devices: runDevicesBench,
  sync: runSyncBench,
  ui: runUiBench,
};

const [name, ...args] = process.argv.slice(2);
const bench = name === undefined ? undefined : benches[name];
if (bench === undefined) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--products N]\n`);
  process.exitCode = 2;
} else {
  await bench(args);
}
