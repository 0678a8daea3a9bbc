import { Command, CommanderError } from 'commander';
import { registerBarcodeCommand } from './commands/barcode.js';
import { registerCatalogCommand } from './commands/catalog.js';
import { registerConfigCommand } from './commands/config.js';
import { registerDevicesCommand } from './commands/devices.js';
import { registerHubCommand } from './commands/hub.js';
import { registerKioskCommand } from './commands/kiosk.js';
import { registerProvisionCommand } from './commands/provision.js';
import { registerStartCommand } from './commands/start.js';
import { CliExit } from './io.js';

/** Builds the whole command tree; tests call `main` with arguments and read the exit code. */
export function buildProgram(): Command {
  const program = new Command('vitrine')
    .description('Vitrine: runtime for in-store kiosks and smart shop windows')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerConfigCommand(program);
  registerBarcodeCommand(program);
  registerCatalogCommand(program);
  registerHubCommand(program);
  registerProvisionCommand(program);
  registerDevicesCommand(program);
  registerKioskCommand(program);
  registerStartCommand(program);
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 the input is invalid, 2 usage or I/O). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
