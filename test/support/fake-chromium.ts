/**
 * A stand-in for the Chromium `vitrine kiosk --browser` launches (there is no point starting a
 * real one where nothing looks at the page): an executable Node script that records each launch's
 * arguments, stays up like a browser, and notes the SIGTERM it gets before it goes.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeChromium {
  path: string;
  /** The arguments of every launch so far, oldest first. */
  launches: () => string[][];
  launched: () => boolean;
  terminated: () => boolean;
}

export function fakeChromium(dir: string): FakeChromium {
  const record = join(dir, 'launches.jsonl');
  const terminated = join(dir, 'terminated');
  const path = join(dir, 'chromium');
  writeFileSync(
    path,
    [
      '#!/usr/bin/env node',
      "const fs = require('node:fs');",
      `process.on('SIGTERM', () => { fs.writeFileSync(${JSON.stringify(terminated)}, ''); process.exit(0); });`,
      'setInterval(() => undefined, 1000);',
      `fs.appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)) + '\\n');`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  const launches = (): string[][] =>
    existsSync(record)
      ? readFileSync(record, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as string[])
      : [];
  return {
    path,
    launches,
    launched: () => launches().length > 0,
    terminated: () => existsSync(terminated),
  };
}
