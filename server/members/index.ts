// Loyalty members on the hub: storage, the device requests, imports and the demo set.
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { RandomBytes } from '../fleet/secrets.js';
import type { HubStore } from '../storage/hub-store.js';
import { ensureMemberKey, identifierHasher } from './member-key.js';
import {
  importMembers,
  memberImportSchema,
  type MemberImport,
  type MemberImportAnswer,
} from './member-import.js';
import { createMemberService, type MemberService } from './member-service.js';
import type { MemberStore } from './member-store.js';
import { SqliteMemberStore } from './sqlite-member-store.js';

export { MEMBER_EVENTS, answerMember } from './member-answers.js';
export { DEMO_MEMBERS, demoMembers } from './demo-members.js';
export { MEMBER_KEY_FILE } from './member-key.js';
export { memberImportSchema, type MemberImport, type MemberImportAnswer } from './member-import.js';
export type { MemberService, MemberDevice } from './member-service.js';
export type * from './member-store.js';

export interface HubMembers {
  store: MemberStore;
  service: MemberService;
  /** Parses (zod; throws on bad input) and imports members; see member-import.ts. */
  import(input: MemberImport): Promise<MemberImportAnswer>;
}

export function openMembers(options: {
  db: Database;
  dataDir: string;
  catalog: Pick<HubStore, 'stockOf'>;
  now: () => Date;
  random: RandomBytes;
  logger: Logger;
}): HubMembers {
  const hash = identifierHasher(ensureMemberKey(options.dataDir, options.random));
  const store = new SqliteMemberStore(options.db);
  return {
    store,
    service: createMemberService({ ...options, store, hash }),
    import: (input) =>
      importMembers(
        store,
        hash,
        options.random,
        memberImportSchema.parse(input),
        options.now().toISOString(),
      ),
  };
}
