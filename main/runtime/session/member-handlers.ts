/** The bridge's member calls (shared/bridge/member.ts) over the session's member. */
import type { BridgeHandlers } from '../../../shared/bridge/index.js';
import type { MemberSession } from './member.js';

export type MemberCallName = 'member.status' | 'member.consent' | 'member.suggestions' | 'member.forget';

export function createMemberHandlers(
  member: MemberSession,
  activity: () => void,
): Pick<BridgeHandlers, MemberCallName> {
  return {
    'member.status': () => member.status(),
    'member.consent': (answers) => {
      activity();
      return member.consent(answers);
    },
    'member.suggestions': ({ productId }) => member.suggestions(productId),
    'member.forget': () => {
      member.forget();
      return null;
    },
  };
}
