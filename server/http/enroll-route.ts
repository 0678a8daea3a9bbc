/**
 * POST /api/v1/enroll: a device trades its config's one-time enrollment code for a device token.
 * The token is returned this once; the hub keeps only its hash.
 */
import type { FastifyInstance } from 'fastify';
import {
  enrollRequestSchema,
  parseMessage,
  PROTOCOL_VERSION,
  type EnrollResponse,
} from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';
import { newDeviceToken, normalizeEnrollmentCode, sha256Hex } from '../fleet/secrets.js';
import { sendError } from './errors.js';

const refusals = {
  unknown: 'unknown enrollment code',
  used: 'this enrollment code was already used; create a new one on the hub',
  revoked: 'this device was revoked',
} as const;

export function registerEnrollRoute(app: FastifyInstance, hub: HubContext): void {
  app.post('/api/v1/enroll', async (request, reply) => {
    const parsed = parseMessage(enrollRequestSchema, request.body, 'enroll');
    if (!parsed.ok) {
      hub.logger.warn({ error: parsed.error }, 'enrollment refused');
      return sendError(reply, 400, 'invalid-message', parsed.error);
    }
    if (parsed.value.protocol !== PROTOCOL_VERSION) {
      return sendError(
        reply,
        400,
        'protocol-version',
        `this hub speaks protocol ${String(PROTOCOL_VERSION)}, the device ${String(parsed.value.protocol)}`,
      );
    }
    const token = newDeviceToken(hub.random);
    const outcome = await hub.store.enrollDevice(
      sha256Hex(normalizeEnrollmentCode(parsed.value.code)),
      sha256Hex(token),
      parsed.value.appVersion,
      hub.now().toISOString(),
    );
    if (!outcome.ok) {
      hub.logger.warn({ reason: outcome.reason }, 'enrollment refused');
      return sendError(reply, 401, 'unauthorized', refusals[outcome.reason]);
    }
    hub.logger.info({ deviceId: outcome.device.id }, 'device enrolled');
    const response: EnrollResponse = {
      deviceId: outcome.device.id,
      token,
      storeCode: outcome.device.storeCode,
    };
    return reply.code(200).send(response);
  });
}
