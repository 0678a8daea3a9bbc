/**
 * `vitrine provision`: registers a device on the hub and writes the one config file a store
 * technician copies onto it. The config carries the hub's one-time enrollment code, which the
 * device trades for its own token on first connect (DESIGN.md, Fleet).
 */
import { randomInt } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatProblem, parseConfigText } from '../../../kiosk-config/index.js';
import { hashPin } from '../../../main/runtime/session/pin.js';
import { CliExit, err, out } from '../io.js';
import { adminRequest } from './hub.js';

interface ProvisionOptions {
  hub: string;
  store: string;
  name: string;
  out: string;
  pinHash?: string;
  mode: string;
  data?: string;
}

export function registerProvisionCommand(program: Command): void {
  program
    .command('provision')
    .description('register a device on the hub and write its config file (with a one-time enrollment code)')
    .requiredOption('--hub <url>', 'the hub as devices reach it, e.g. https://hub.example.com')
    .requiredOption('--store <code>', 'the store the device stands in')
    .requiredOption('--name <name>', 'the name staff see, e.g. "Entrance kiosk"')
    .requiredOption('--out <file>', 'config file to write (never overwritten)')
    .option(
      '--pin-hash <hash>',
      'staff PIN hash (vitrine config hash-pin); default: a new random PIN, shown once',
    )
    .option('--mode <mode>', 'kiosk or window', 'kiosk')
    .option('--data <dir>', "the hub's data directory, to read its admin token (or set VITRINE_ADMIN_TOKEN)")
    .action(async (opts: ProvisionOptions) => {
      await provision(opts);
    });
}

function configText(
  opts: ProvisionOptions,
  deviceId: string,
  enrollmentCode: string,
  pinHash: string,
): string {
  const config = {
    device: { id: deviceId, name: opts.name },
    store: { code: opts.store },
    mode: opts.mode,
    hub: { url: opts.hub.replace(/\/+$/, ''), enrollmentCode },
    staff: { pinHash },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Problems of a config text, printed; exits 1 if there are any. */
function checkConfig(text: string, file: string): void {
  const parsed = parseConfigText(text);
  if (parsed.ok) return;
  for (const problem of parsed.problems) err(formatProblem(problem, file));
  throw new CliExit(1);
}

async function provision(opts: ProvisionOptions): Promise<void> {
  if (existsSync(opts.out)) {
    err(`${opts.out}: already exists; choose another --out (a config is never overwritten)`);
    throw new CliExit(2);
  }
  let pin: string | undefined;
  let pinHash = opts.pinHash;
  if (pinHash === undefined) {
    pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    pinHash = await hashPin(pin);
  }
  // Check what we can before the hub creates anything: a wrong store code, hub URL or PIN hash
  // should not leave an orphan device behind. The placeholders have the real values' shapes.
  checkConfig(configText(opts, 'placeholder-device', 'AAAA-BBBB-CCCC', pinHash), opts.out);

  const created = (await adminRequest(opts, 'POST', 'devices', {
    json: { storeCode: opts.store, name: opts.name },
  })) as { deviceId: string; enrollmentCode: string };
  const text = configText(opts, created.deviceId, created.enrollmentCode, pinHash);
  checkConfig(text, opts.out);
  try {
    // 0600: the enrollment code in it is a one-time secret until the device has used it.
    writeFileSync(opts.out, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    err(`${opts.out}: cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    throw new CliExit(2);
  }
  out(`device ${created.deviceId} registered in store ${opts.store}; config written to ${opts.out}`);
  if (pin !== undefined) out(`staff PIN (shown once, not stored anywhere): ${pin}`);
}
