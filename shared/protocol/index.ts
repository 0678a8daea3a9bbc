// The hub <-> device protocol: versioned messages with zod schemas, and socket.io's event maps.
export * from './messages.js';
export * from './member-messages.js';
export type { DeviceToHubEvents, HubToDeviceEvents } from './events.js';
export {
  mediaRecordSchema,
  priceRecordSchema,
  productRecordSchema,
  stockRecordSchema,
  storeRecordSchema,
  variantRecordSchema,
} from './records.js';
export { jsonBytes, parseMessage, type Parsed } from './validate.js';
