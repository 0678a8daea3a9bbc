/**
 * The admin API under /api/v1/admin/, for the `vitrine hub …` and `vitrine provision` commands.
 * Every request needs `Authorization: Bearer <admin token>` (see admin-token.ts).
 */
import { scopesForStore } from '../catalog/device-scopes.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canonicalLanguageTag } from '../../shared/catalog/index.js';
import { parseMessage } from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';
import type { ImportOptions, ImportSummary } from '../catalog/import-feed.js';
import {
  newDeviceId,
  newEnrollmentCode,
  normalizeEnrollmentCode,
  secretsEqual,
  sha256Hex,
} from '../fleet/secrets.js';
import type { DeviceGateway } from '../socket/device-namespace.js';
import { checkCommandRequest, commandState, newCommandId } from '../fleet/commands.js';
import { registerAnalyticsApi } from '../analytics/routes.js';
import { sendError } from './errors.js';
import { registerMemberRoutes } from '../members/member-routes.js';

/** Feeds of a large chain (100k products, every store's stock) run to hundreds of MB. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;
/** Problems listed in an import answer; the total is always given. */
const MAX_PROBLEMS_LISTED = 1000;

const newDeviceSchema = z.strictObject({
  storeCode: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
});
const importQuerySchema = z.strictObject({
  store: z.string().min(1).max(200).optional(),
  file: z.string().min(1).max(500).optional(),
  /** The feed's language, when it carries texts in another language than the catalog's. */
  language: z
    .string()
    .max(35)
    .transform((text, ctx) => {
      const tag = canonicalLanguageTag(text);
      if (tag === null) {
        ctx.addIssue({ code: 'custom', message: `"${text}" is not a language tag like "de" or "fr-CA"` });
        return z.NEVER;
      }
      return tag;
    })
    .optional(),
});

export interface AdminDeps {
  hub: HubContext;
  gateway: DeviceGateway;
  adminToken: string;
  importFeed: (text: string, options: ImportOptions) => Promise<ImportSummary>;
}

export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { hub, gateway } = deps;
  void app.register(
    (admin, _options, done) => {
      admin.addHook('onRequest', (request, reply, next) => {
        const header = request.headers.authorization ?? '';
        const match = /^Bearer (\S+)$/i.exec(header);
        if (match?.[1] === undefined || !secretsEqual(match[1], deps.adminToken)) {
          hub.logger.warn({ url: request.url, ip: request.ip }, 'admin request without a valid token');
          void sendError(reply, 401, 'unauthorized', 'admin token required: Authorization: Bearer <token>');
          return;
        }
        next();
      });

      registerAnalyticsApi(admin, hub);

      admin.get('/stores', async () => {
        const [stores, devices] = await Promise.all([hub.store.listStores(), hub.store.listDevices()]);
        return {
          stores: stores.map((store) => ({
            ...store,
            devices: devices.filter((device) => device.storeCode === store.code && device.revokedAt === null)
              .length,
          })),
        };
      });

      admin.get('/devices', async () => {
        const online = gateway.online();
        const [devices, commandCounts, stores] = await Promise.all([
          hub.store.listDevices(),
          hub.store.commandCounts(),
          hub.store.listStores(),
        ]);
        return {
          devices: devices.map(({ tokenHash: _hidden, ...device }) => ({
            ...device,
            // What it syncs: the catalog, its store and the stores near it (device-scopes.ts).
            scopes: scopesForStore(stores, device.storeCode, hub.settings.nearby),
            enrolled: device.enrolledAt !== null,
            revoked: device.revokedAt !== null,
            online: online.has(device.id),
            commands: commandCounts.get(device.id) ?? { pending: 0, completed: 0 },
          })),
        };
      });

      admin.post('/devices', async (request, reply) => {
        const parsed = parseMessage(newDeviceSchema, request.body, 'devices');
        if (!parsed.ok) return sendError(reply, 400, 'invalid-message', parsed.error);
        const { storeCode, name } = parsed.value;
        if ((await hub.store.getStore(storeCode)) === null) {
          return sendError(
            reply,
            404,
            'not-found',
            `no store ${storeCode} on this hub; import its store feed first`,
          );
        }
        const deviceId = newDeviceId(storeCode, hub.random);
        const enrollmentCode = newEnrollmentCode(hub.random);
        await hub.store.createDevice({
          id: deviceId,
          name,
          storeCode,
          enrollmentHash: sha256Hex(normalizeEnrollmentCode(enrollmentCode)),
          createdAt: hub.now().toISOString(),
        });
        hub.logger.info({ deviceId, storeCode }, 'device created');
        return reply.code(201).send({ deviceId, storeCode, name, enrollmentCode });
      });

      admin.post<{ Params: { id: string } }>('/devices/:id/revoke', async (request, reply) => {
        const { id } = request.params;
        if (!(await hub.store.revokeDevice(id, hub.now().toISOString()))) {
          return sendError(reply, 404, 'not-found', `no device ${id}`);
        }
        gateway.disconnect(id);
        hub.logger.info({ deviceId: id }, 'device revoked');
        const device = await hub.store.getDevice(id);
        return { deviceId: id, revokedAt: device?.revokedAt ?? null };
      });

      admin.post<{ Params: { id: string } }>('/devices/:id/commands', async (request, reply) => {
        const { id } = request.params;
        const device = await hub.store.getDevice(id);
        if (device === null) return sendError(reply, 404, 'not-found', `no device ${id}`);
        if (device.revokedAt !== null) {
          return sendError(reply, 409, 'conflict', `device ${id} is revoked; it will never take a command`);
        }
        const checked = checkCommandRequest(request.body);
        if (!checked.ok) {
          hub.logger.warn({ deviceId: id, error: checked.message }, 'command refused');
          return reply.code(400).send({
            error: {
              code: 'invalid-message',
              message: checked.message,
              ...(checked.problems === undefined ? {} : { problems: checked.problems }),
            },
          });
        }
        const command = {
          id: newCommandId(hub),
          deviceId: id,
          kind: checked.kind,
          payload: checked.payload,
          createdAt: hub.now().toISOString(),
        };
        // Stored before it is sent: a result can only be matched to a command the hub kept.
        await hub.store.createCommand(command);
        const delivered = await gateway.deliver({
          ...command,
          deliveredAt: null,
          result: null,
          completedAt: null,
        });
        hub.logger.info(
          { deviceId: id, commandId: command.id, kind: command.kind, delivered },
          'command created',
        );
        return reply.code(202).send({ commandId: command.id, delivered });
      });

      admin.get<{ Params: { id: string } }>('/devices/:id/commands', async (request, reply) => {
        const { id } = request.params;
        if ((await hub.store.getDevice(id)) === null)
          return sendError(reply, 404, 'not-found', `no device ${id}`);
        const commands = await hub.store.listCommands(id);
        return {
          // The pushed config stays out of the list: it can be large, and the admin sent it.
          commands: commands.map((row) => {
            const { payload: _payload, ...command } = row;
            return { ...command, state: commandState(row) };
          }),
        };
      });

      admin.post('/import', { bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
        const query = parseMessage(importQuerySchema, request.query, 'import');
        if (!query.ok) return sendError(reply, 400, 'invalid-message', query.error);
        if (typeof request.body !== 'string') {
          return sendError(
            reply,
            400,
            'invalid-message',
            'import: send the feed as the body, Content-Type: text/plain',
          );
        }
        const summary = await deps.importFeed(request.body, {
          ...(query.value.file === undefined ? {} : { fileName: query.value.file }),
          ...(query.value.store === undefined ? {} : { storeCode: query.value.store }),
          ...(query.value.language === undefined ? {} : { language: query.value.language }),
        });
        return {
          ...summary,
          problemCount: summary.problems.length,
          problems: summary.problems.slice(0, MAX_PROBLEMS_LISTED),
        };
      });
      registerMemberRoutes(admin, hub);
      done();
    },
    { prefix: '/api/v1/admin' },
  );
}
