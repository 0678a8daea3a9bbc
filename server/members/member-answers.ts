/**
 * Member requests as they arrive on the device namespace: parsed with the protocol's schemas
 * before the service sees them, so a malformed request is answered `invalid-message` naming the
 * field and never reaches storage.
 */
import {
  memberRequestSchemas,
  parseMessage,
  type MemberRequest,
  type MemberRequestName,
  type MemberResponse,
} from '../../shared/protocol/index.js';
import { protocolError } from '../socket/catalog-answers.js';
import type { MemberDevice, MemberService } from './member-service.js';

export const MEMBER_EVENTS = Object.keys(memberRequestSchemas) as MemberRequestName[];

type MemberHandlers = {
  [K in MemberRequestName]: (device: MemberDevice, request: MemberRequest<K>) => Promise<MemberResponse<K>>;
};

const handlersOf = (members: MemberService): MemberHandlers => ({
  'member:identify': (device, request) => members.identify(device, request),
  'member:consent': (device, request) => members.consent(device, request),
  'member:suggestions': (device, request) => members.suggestions(device, request),
  'member:view': (device, request) => members.view(device, request),
  'member:end': (device, request) => members.end(device, request),
});

export function answerMember<K extends MemberRequestName>(
  members: MemberService,
  name: K,
  device: MemberDevice,
  raw: unknown,
): Promise<MemberResponse<K> | ReturnType<typeof protocolError>> {
  const parsed = parseMessage(memberRequestSchemas[name].request, raw, name);
  if (!parsed.ok) return Promise.resolve(protocolError('invalid-message', parsed.error));
  // The request is what this name's own schema just parsed (indexed by the same name).
  const handler = handlersOf(members)[name] as (
    device: MemberDevice,
    request: unknown,
  ) => Promise<MemberResponse<K>>;
  return handler(device, parsed.value);
}
