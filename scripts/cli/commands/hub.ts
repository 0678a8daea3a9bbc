/**
 * `vitrine hub`: run the hub, and talk to a running one through its admin API (import a feed,
 * list stores and devices). The admin token comes from the hub's data dir (`--data DIR`, file
 * `admin-token`) or from VITRINE_ADMIN_TOKEN.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import { formatProblem } from '../../../shared/catalog/index.js';
import type { FeedProblem } from '../../../shared/catalog/types.js';
import { ADMIN_TOKEN_FILE } from '../../../server/http/admin-token.js';
import { withDemoModels, type DemoModelFile } from '../../models/demo-models.js';
import { memberQrText } from '../../../shared/protocol/index.js';
import { formatProblem as formatConfigProblem, parseConfigText } from '../../../kiosk-config/index.js';
import { CliExit, err, out, readTextOrExit } from '../io.js';

export const DEFAULT_HUB_DATA_DIR = '.vitrine/hub';
const DEMO_PRODUCTS = 2000;

export function registerHubCommand(program: Command): void {
  const hub = program
    .command('hub')
    .description('the hub: run it (default), import feeds into it, list its stores and devices');

  hub
    .command('serve', { isDefault: true })
    .description('run the hub until Ctrl-C (SIGINT) or SIGTERM')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--data <dir>', 'data directory: database and admin token', DEFAULT_HUB_DATA_DIR)
    .option('--public-url <url>', 'base URL phones reach the hub at, for hand-off QR codes')
    .option(
      '--demo',
      `import a generated catalog (${String(DEMO_PRODUCTS)} products, 8 stores) and 3 loyalty members at start`,
    )
    .option(
      '--nearby-km <km>',
      'other stores whose stock a kiosk syncs: within this distance of its own',
      '50',
    )
    .option('--nearby-max <n>', 'and at most this many of them', '5')
    .option(
      '--image-min-records <n>',
      'build a ready catalog file for devices taking a whole catalog once it has this many records',
      '20000',
    )
    .option('--no-catalog-images', 'never build catalog files: devices take the catalog as pages')
    .action(async (opts: ServeOptions) => {
      await serve(opts);
    });

  hub
    .command('import')
    .description(
      'import a feed file into a running hub (Merchant Center TSV/XML, local inventory, Vitrine JSON/JSONL)',
    )
    .argument('<file>', 'the feed file')
    .requiredOption('--hub <url>', 'the hub, e.g. http://127.0.0.1:8080')
    .option('--store <code>', 'store code for a local inventory feed without a store_code column')
    .option(
      '--language <tag>',
      "the feed's language, e.g. de, when it is not the catalog's own: its titles and descriptions become texts in that language",
    )
    .option('--data <dir>', "the hub's data directory, to read its admin token")
    .option('--json', 'print the summary as JSON')
    .action(
      async (file: string, opts: AdminOptions & { store?: string; language?: string; json?: boolean }) => {
        await importFile(file, opts);
      },
    );

  hub
    .command('stores')
    .description("list the hub's stores")
    .requiredOption('--hub <url>', 'the hub, e.g. http://127.0.0.1:8080')
    .option('--data <dir>', "the hub's data directory, to read its admin token")
    .option('--json', 'print JSON')
    .action(async (opts: AdminOptions & { json?: boolean }) => {
      const { stores } = (await adminRequest(opts, 'GET', 'stores')) as {
        stores: { code: string; name: string; city?: string; devices: number }[];
      };
      if (opts.json === true) {
        out(JSON.stringify(stores, null, 2));
        return;
      }
      if (stores.length === 0) {
        out('no stores yet: import a catalog feed');
        return;
      }
      for (const s of stores)
        out(`${s.code}\t${s.name}${s.city === undefined ? '' : `, ${s.city}`}\t${String(s.devices)} devices`);
    });

  hub
    .command('devices')
    .description("list the hub's devices: online state, last seen, app version")
    .requiredOption('--hub <url>', 'the hub, e.g. http://127.0.0.1:8080')
    .option('--data <dir>', "the hub's data directory, to read its admin token")
    .option('--json', 'print JSON')
    .action(async (opts: AdminOptions & { json?: boolean }) => {
      const { devices } = (await adminRequest(opts, 'GET', 'devices')) as {
        devices: {
          id: string;
          name: string;
          storeCode: string;
          online: boolean;
          enrolled: boolean;
          revoked: boolean;
          lastSeenAt: string | null;
          appVersion: string | null;
          commands: { pending: number; completed: number };
        }[];
      };
      if (opts.json === true) {
        out(JSON.stringify(devices, null, 2));
        return;
      }
      if (devices.length === 0) {
        out('no devices yet: vitrine provision --hub URL --store CODE --name NAME --out FILE');
        return;
      }
      for (const d of devices) {
        const state = d.revoked ? 'revoked' : !d.enrolled ? 'not enrolled' : d.online ? 'online' : 'offline';
        out(
          `${d.id}\t${d.storeCode}\t${d.name}\t${state}\tlast seen ${d.lastSeenAt ?? 'never'}\t${d.appVersion ?? ''}\tcommands ${String(d.commands.pending)} pending, ${String(d.commands.completed)} done`,
        );
      }
    });

  hub
    .command('command')
    .description('send a command to a device (now if it is online, else when it next connects)')
    .argument('<device>', 'the device id')
    .argument('<kind>', `one of: ${COMMAND_KINDS.join(', ')}`)
    .option('--config <file>', 'for kind config: the config file to push')
    .requiredOption('--hub <url>', 'the hub, e.g. http://127.0.0.1:8080')
    .option('--data <dir>', "the hub's data directory, to read its admin token")
    .action(async (device: string, kind: string, opts: AdminOptions & { config?: string }) => {
      await sendCommand(device, kind, opts);
    });

  hub
    .command('commands')
    .description("list a device's commands: state and result")
    .argument('<device>', 'the device id')
    .requiredOption('--hub <url>', 'the hub, e.g. http://127.0.0.1:8080')
    .option('--data <dir>', "the hub's data directory, to read its admin token")
    .option('--json', 'print JSON')
    .action(async (device: string, opts: AdminOptions & { json?: boolean }) => {
      const { commands } = (await adminRequest(
        opts,
        'GET',
        `devices/${encodeURIComponent(device)}/commands`,
      )) as {
        commands: {
          id: string;
          kind: string;
          state: string;
          createdAt: string;
          result: { message?: string; screenshot?: string } | null;
        }[];
      };
      if (opts.json === true) {
        out(JSON.stringify(commands, null, 2));
        return;
      }
      if (commands.length === 0) out(`no commands for ${device}`);
      for (const c of commands) {
        const detail = [c.result?.message, c.result?.screenshot].filter((x) => x !== undefined).join('\t');
        out(`${c.id}\t${c.kind}\t${c.state}\t${c.createdAt}${detail === '' ? '' : `\t${detail}`}`);
      }
    });
}

const COMMAND_KINDS = ['reload', 'restart', 'resync', 'screenshot', 'config'] as const;

async function sendCommand(
  device: string,
  kind: string,
  opts: AdminOptions & { config?: string },
): Promise<void> {
  if (!(COMMAND_KINDS as readonly string[]).includes(kind)) {
    err(`kind: expected one of ${COMMAND_KINDS.join(', ')}, got "${kind}"`);
    throw new CliExit(2);
  }
  if ((kind === 'config') !== (opts.config !== undefined)) {
    err(
      kind === 'config'
        ? 'config: --config FILE is required'
        : `--config is only for kind config, not ${kind}`,
    );
    throw new CliExit(2);
  }
  let body: Record<string, unknown> = { kind };
  if (opts.config !== undefined) {
    const text = readTextOrExit(opts.config);
    // Checked here too, for line numbers the hub cannot give (it sees the parsed value).
    const parsed = parseConfigText(text);
    if (!parsed.ok) {
      for (const problem of parsed.problems) err(formatConfigProblem(problem, opts.config));
      throw new CliExit(1);
    }
    // The file's own value, not the parsed one with defaults filled: the device fills its own.
    body = { kind, config: JSON.parse(text) as unknown };
  }
  const { commandId, delivered } = (await adminRequest(
    opts,
    'POST',
    `devices/${encodeURIComponent(device)}/commands`,
    { json: body },
  )) as { commandId: string; delivered: boolean };
  out(commandId);
  err(
    delivered
      ? `${kind}: sent to ${device}`
      : `${kind}: ${device} is offline; it gets the command when it connects`,
  );
}

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  publicUrl?: string;
  demo?: boolean;
  nearbyKm: string;
  nearbyMax: string;
  imageMinRecords: string;
  catalogImages: boolean;
}

/** A number option in a range, or exit 2 naming the option and what it got. */
function numberOption(name: string, text: string, min: number, max: number, integer: boolean): number {
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    err(
      `${name}: expected ${integer ? 'a whole number' : 'a number'} from ${String(min)} to ${String(max)}, got "${text}"`,
    );
    throw new CliExit(2);
  }
  return value;
}

async function serve(opts: ServeOptions): Promise<void> {
  const port = numberOption('--port', opts.port, 0, 65535, true);
  const nearby = {
    radiusKm: numberOption('--nearby-km', opts.nearbyKm, 0, 20_000, false),
    maxNearby: numberOption('--nearby-max', opts.nearbyMax, 0, 100, true),
  };
  // Loaded here, not at the top: main.ts registers every command, and the others (the kiosk's
  // start above all, budget 2 s) should not load the hub's ~80 modules they never run.
  const { startHub } = await import('../../../server/index.js');
  const hub = await startHub({
    port,
    host: opts.host,
    dataDir: opts.data,
    nearby,
    catalogImages: opts.catalogImages
      ? { minRecords: numberOption('--image-min-records', opts.imageMinRecords, 0, 1e12, true) }
      : false,
    ...(opts.publicUrl === undefined ? {} : { publicUrl: opts.publicUrl }),
  });
  if (opts.demo === true) {
    const lines: string[] = [];
    // A few products get 3D models, written to the media folder the hub serves at /media/.
    const models: DemoModelFile[] = [];
    const records = withDemoModels(syntheticCatalog({ products: DEMO_PRODUCTS }), hub.mediaDir, models);
    for (const record of records) lines.push(JSON.stringify(record));
    const summary = await hub.importFeed(lines.join('\n'), { fileName: 'demo.jsonl' });
    out(
      `demo catalog: ${String(summary.compared.products)} products, ${String(summary.compared.stores)} stores, ` +
        `3D models for ${models.map((m) => m.productId).join(', ')}`,
    );
    const { DEMO_MEMBERS, demoMembers } = await import('../../../server/members/index.js');
    await hub.members.import(demoMembers(syntheticCatalog({ products: DEMO_PRODUCTS }), new Date()));
    for (const m of DEMO_MEMBERS) {
      out(`demo member ${m.firstName} (${m.tier}): card ${m.loyaltyNumber}, QR ${memberQrText(m.qrToken)}`);
    }
  }
  out(`hub listening at ${hub.url} (data in ${opts.data}); Ctrl-C stops it`);
  out(`analytics dashboard: ${hub.url}/admin/dashboard (sign in with the admin token)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.close();
}

interface AdminOptions {
  hub: string;
  data?: string;
}

/** The admin token from --data DIR or VITRINE_ADMIN_TOKEN, or exit 2 saying how to give one. */
function adminToken(opts: AdminOptions): string {
  if (opts.data !== undefined) {
    const path = join(opts.data, ADMIN_TOKEN_FILE);
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      err(`${path}: cannot read the admin token (is --data the hub's data directory?)`);
      throw new CliExit(2);
    }
  }
  const fromEnv = process.env.VITRINE_ADMIN_TOKEN?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  err("no admin token: pass --data DIR (the hub's data directory) or set VITRINE_ADMIN_TOKEN");
  throw new CliExit(2);
}

/** Calls the hub's admin API; prints the hub's error and exits 2 (1 for a 4xx about the input). */
export async function adminRequest(
  opts: AdminOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: { json: unknown } | { text: string },
): Promise<unknown> {
  const token = adminToken(opts);
  const url = `${opts.hub.replace(/\/+$/, '')}/api/v1/admin/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined
          ? {}
          : { 'content-type': 'json' in body ? 'application/json' : 'text/plain; charset=utf-8' }),
      },
      ...(body === undefined ? {} : { body: 'json' in body ? JSON.stringify(body.json) : body.text }),
    });
  } catch (error) {
    err(
      `${opts.hub}: cannot reach the hub: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
    throw new CliExit(2);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    err(`${url}: the hub answered ${String(response.status)} with something that is not JSON`);
    throw new CliExit(2);
  }
  if (!response.ok) {
    const message = (json as { error?: { message?: string } }).error?.message ?? text;
    err(`hub: ${String(response.status)}: ${message}`);
    throw new CliExit(response.status === 400 || response.status === 404 ? 1 : 2);
  }
  return json;
}

async function importFile(
  file: string,
  opts: AdminOptions & { store?: string; language?: string; json?: boolean },
): Promise<void> {
  const text = readTextOrExit(file);
  const query = new URLSearchParams({ file: basename(file) });
  if (opts.store !== undefined) query.set('store', opts.store);
  if (opts.language !== undefined) query.set('language', opts.language);
  const summary = (await adminRequest(opts, 'POST', `import?${query.toString()}`, { text })) as {
    format: string | null;
    rowsRead: number;
    changed: Record<string, number>;
    compared: Record<string, number>;
    problemCount: number;
    problems: FeedProblem[];
  };
  if (opts.json === true) out(JSON.stringify(summary, null, 2));
  else {
    out(`${file}: ${summary.format ?? 'unrecognized format'}, ${String(summary.rowsRead)} rows`);
    const kinds = ['stores', 'products', 'prices', 'stock'];
    out(`  compared: ${kinds.map((k) => `${String(summary.compared[k] ?? 0)} ${k}`).join(', ')}`);
    out(`  changed:  ${kinds.map((k) => `${String(summary.changed[k] ?? 0)} ${k}`).join(', ')}`);
    for (const problem of summary.problems) err(`${file}: ${formatProblem(problem)}`);
    if (summary.problemCount > summary.problems.length) {
      err(`… and ${String(summary.problemCount - summary.problems.length)} more problems`);
    }
  }
  if (summary.problemCount > 0) process.exitCode = 1;
}
