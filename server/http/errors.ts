import type { FastifyReply } from 'fastify';
import type { ProtocolError } from '../../shared/protocol/index.js';

/** Every HTTP error answer has one shape: `{ error: { code, message } }`. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: ProtocolError['code'] | 'not-found' | 'conflict',
  message: string,
): FastifyReply {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}
