/**
 * `vitrine devices list|simulate-scan|simulate-card`: what HID hardware is plugged in and what
 * the kiosk would make of it; and, for development, scans and swipes injected into a running
 * runtime through its development channel (on only when the config enables simulation).
 * Exit codes: 0 done, 1 the devices or the runtime could not be reached, 2 bad usage.
 */
import type { Command } from 'commander';
import { formatProblem, parseConfigText, type KioskConfig } from '../../../kiosk-config/index.js';
import { hardwareSection } from '../../../kiosk-config/schema-hardware.js';
import {
  DevChannelError,
  describeRole,
  postToDevChannel,
  nodeHidTransport,
  roleFor,
  usbIdText,
  type HidDeviceInfo,
} from '../../../main/runtime/devices/index.js';
import { silentLog } from '../../../main/runtime/sync/index.js';
import { CliExit, err, out, readTextOrExit } from '../io.js';

const hex = (n: number | undefined): string =>
  n === undefined ? '—' : `0x${n.toString(16).padStart(2, '0')}`;

function hardwareOf(configFile: string | undefined): KioskConfig['hardware'] {
  if (configFile === undefined) return hardwareSection.parse({});
  const result = parseConfigText(readTextOrExit(configFile));
  if (!result.ok) {
    for (const problem of result.problems) err(formatProblem(problem, configFile));
    throw new CliExit(2);
  }
  return result.config.hardware;
}

/** Rows of `devices list`: every HID device with the role the kiosk would give it. */
export function deviceRows(devices: readonly HidDeviceInfo[], hardware: KioskConfig['hardware']): string[][] {
  return devices.map((d) => [
    d.path,
    usbIdText(d),
    `${hex(d.usagePage)}/${hex(d.usage)}`,
    [d.manufacturer, d.product].filter((s) => s !== undefined && s !== '').join(' ') || '—',
    describeRole(roleFor(d, hardware)),
  ]);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Posts to the running runtime's development channel; failures end the command with a message. */
async function channelPost(
  dataDir: string,
  path: '/simulate/scan' | '/simulate/card',
  body: object,
): Promise<void> {
  try {
    await postToDevChannel(dataDir, path, body);
  } catch (error) {
    if (!(error instanceof DevChannelError)) throw error;
    err(error.message);
    throw new CliExit(error.status === 400 ? 2 : 1);
  }
}

export function registerDevicesCommand(program: Command): void {
  const devices = program.command('devices').description('HID scanners and card readers');

  devices
    .command('list')
    .description('list the HID devices present and the role each would get')
    .option('--config <file>', "use this kiosk config's hardware entries (default: auto-detection only)")
    .option('--json', 'print JSON')
    .action(async (options: { config?: string; json?: boolean }) => {
      const hardware = hardwareOf(options.config);
      let present: HidDeviceInfo[];
      try {
        present = await nodeHidTransport(silentLog).devices();
      } catch (error) {
        err(`cannot list HID devices: ${error instanceof Error ? error.message : String(error)}`);
        throw new CliExit(1);
      }
      if (options.json === true) {
        out(
          JSON.stringify(
            present.map((d) => ({ ...d, role: describeRole(roleFor(d, hardware)) })),
            null,
            2,
          ),
        );
        return;
      }
      if (present.length === 0) {
        out(
          'No HID devices found. On Linux, check the udev rule (README, "Hardware") so the kiosk user may open /dev/hidraw*.',
        );
        return;
      }
      out(table(['PATH', 'USB ID', 'USAGE', 'NAME', 'ROLE'], deviceRows(present, hardware)));
    });

  devices
    .command('simulate-scan')
    .description("scan CODE on the running runtime's simulated HID POS scanner")
    .argument('<code>', 'what the scanner reads, e.g. 4006381333931')
    .requiredOption('--data <dir>', "the runtime's data directory")
    .option('--aim <id>', 'AIM symbology identifier, e.g. "]E0"')
    .action(async (code: string, options: { data: string; aim?: string }) => {
      await channelPost(options.data, '/simulate/scan', {
        code,
        ...(options.aim === undefined ? {} : { aim: options.aim }),
      });
      out(`scanned ${code}`);
    });

  devices
    .command('simulate-card')
    .description("swipe a card on the running runtime's simulated magnetic stripe reader")
    .requiredOption('--data <dir>', "the runtime's data directory")
    .option('--track1 <data>', 'track 1 without sentinels, e.g. "B6012345678901^MEMBER/ADA^2912"')
    .option('--track2 <data>', 'track 2 without sentinels, e.g. "6012345678901=2912"')
    .option('--loyalty <number>', 'shorthand: a loyalty card with this number on track 2')
    .action(async (options: { data: string; track1?: string; track2?: string; loyalty?: string }) => {
      const track2 = options.loyalty === undefined ? options.track2 : `${options.loyalty}=2912`;
      if (options.track1 === undefined && track2 === undefined) {
        err('give --track1, --track2 or --loyalty');
        throw new CliExit(2);
      }
      await channelPost(options.data, '/simulate/card', {
        ...(options.track1 === undefined ? {} : { track1: options.track1 }),
        ...(track2 === undefined ? {} : { track2 }),
      });
      out('swiped');
    });
}
