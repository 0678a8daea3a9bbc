// The device config: its schema, loader, JSON Schema export and PIN hash format.
export {
  kioskConfigSchema,
  type AttractItem,
  type CardReaderConfig,
  type DeviceMode,
  type DisplayConfig,
  type InternalBarcodeRule,
  type KioskConfig,
  type KioskConfigInput,
  type OpeningHours,
  type OpeningInterval,
  type ScannerConfig,
} from './schema.js';
export {
  formatJsonPath,
  formatProblem,
  parseConfigText,
  parseConfigValue,
  type ConfigParseResult,
  type ConfigProblem,
  type ConfigProblemKind,
} from './load.js';
export { configJsonSchema } from './json-schema.js';
export {
  checkPinFormat,
  formatPinHash,
  parsePinHash,
  PIN_HASH_DEFAULTS,
  type PinHashParams,
  type PinHashParse,
} from './pin-hash-format.js';
export { minutesOfDay } from './schema-opening-hours.js';
