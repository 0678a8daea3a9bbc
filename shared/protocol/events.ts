/**
 * socket.io's typed event maps for the device namespace. Hub and device are both compiled
 * against these, and both still parse every payload with the schemas in messages.ts: the types
 * say what an honest peer sends, the schemas check what actually arrived.
 */
import type {
  Command,
  CommandResult,
  Heartbeat,
  Hello,
  Poke,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SnapshotPageRequest,
  SnapshotPageResponse,
} from './messages.js';
import type { MemberRequest, MemberRequestName, MemberResponse } from './member-messages.js';

/** A member request with its ack (member-messages.ts): answered live, never queued. */
type MemberCall<K extends MemberRequestName> = (
  request: MemberRequest<K>,
  ack: (response: MemberResponse<K>) => void,
) => void;

export interface HubToDeviceEvents {
  hello: (message: Hello) => void;
  'catalog:poke': (message: Poke) => void;
  command: (message: Command) => void;
}

export interface DeviceToHubEvents {
  'catalog:pull': (request: PullRequest, ack: (response: PullResponse) => void) => void;
  'catalog:snapshot': (request: SnapshotPageRequest, ack: (response: SnapshotPageResponse) => void) => void;
  'events:push': (request: PushRequest, ack: (response: PushResponse) => void) => void;
  'device:heartbeat': (message: Heartbeat) => void;
  'command:result': (message: CommandResult) => void;
  'member:identify': MemberCall<'member:identify'>;
  'member:consent': MemberCall<'member:consent'>;
  'member:suggestions': MemberCall<'member:suggestions'>;
  'member:view': MemberCall<'member:view'>;
  'member:end': MemberCall<'member:end'>;
}
