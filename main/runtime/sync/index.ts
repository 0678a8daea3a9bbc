export {
  createSyncClient,
  type DeviceSocket,
  type SocketFactory,
  type SyncClient,
  type SyncClientOptions,
  type SyncPhase,
  type SyncStatus,
} from './sync-client.js';
export { loadCredentials, type DeviceCredentials } from './credentials.js';
export {
  openOutbox,
  OutboxItemError,
  type Outbox,
  type OutboxEntry,
  type OutboxItemInput,
  type OutboxOptions,
  type OutboxState,
} from './outbox.js';
export { silentLog, systemTimers, type SyncLog, type Timers } from './support.js';
export { createCommandRunner, MAX_PNG_BASE64_CHARS, type CommandHandlers } from './commands.js';
