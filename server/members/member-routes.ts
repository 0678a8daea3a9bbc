/**
 * The admin API's members: POST /api/v1/admin/members imports (creates or updates) members,
 * GET /api/v1/admin/members/:id shows one with their consent records (what the hub can show a
 * member who asks what they agreed to, and when). Registered inside the admin plugin, so the
 * admin token guards both.
 */
import type { FastifyInstance } from 'fastify';
import { parseMessage } from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';
import { sendError } from '../http/errors.js';
import { memberImportSchema } from './member-import.js';
import { IdentifierTakenError } from './member-store.js';

/** Imports of a chain's whole member base go in several requests of at most this size. */
export const MAX_MEMBER_IMPORT_BYTES = 20 * 1024 * 1024;

export function registerMemberRoutes(admin: FastifyInstance, hub: HubContext): void {
  admin.post('/members', { bodyLimit: MAX_MEMBER_IMPORT_BYTES }, async (request, reply) => {
    const parsed = parseMessage(memberImportSchema, request.body, 'members');
    if (!parsed.ok) return sendError(reply, 400, 'invalid-message', parsed.error);
    try {
      const answer = await hub.members.import(parsed.value);
      hub.logger.info(
        { created: answer.created, updated: answer.updated, purchases: answer.purchasesAdded },
        'members imported',
      );
      return answer;
    } catch (error) {
      if (error instanceof IdentifierTakenError) return sendError(reply, 409, 'conflict', error.message);
      throw error;
    }
  });

  admin.get<{ Params: { id: string } }>('/members/:id', async (request, reply) => {
    const { id } = request.params;
    const member = await hub.members.store.getMember(id);
    if (member === null) return sendError(reply, 404, 'not-found', `no member ${id}`);
    const [consents, history] = await Promise.all([
      hub.members.store.consents(id),
      hub.members.store.history(id, 10_000),
    ]);
    return {
      memberId: member.id,
      firstName: member.firstName,
      tier: member.tier,
      consents: consents.map(({ memberId: _same, ...record }) => record),
      history: {
        purchases: history.filter((h) => h.kind === 'purchase').length,
        views: history.filter((h) => h.kind === 'view').length,
      },
    };
  });
}
