// Scanners and card readers: discovery, decoding, scans and card reads (issue: hardware).
export { createDevices, type Devices, type DevicesOptions, type DeviceUiEvent } from './devices.js';
export { createDeviceManager, type DeviceEvent, type DeviceManager, type DeviceStatus } from './manager.js';
export { nodeHidTransport } from './node-hid-transport.js';
export { describeRole, roleFor, type DeviceRole } from './roles.js';
export type { ScanResultEvent } from './scan-events.js';
export { SIMULATED_CARD_READER, SIMULATED_SCANNER, type Simulator } from './simulated.js';
export { usbIdText, type HidConnection, type HidDeviceInfo, type HidTransport } from './transport.js';
export {
  startDevChannel,
  postToDevChannel,
  DevChannelError,
  DEV_CHANNEL_FILE,
  type DevChannel,
} from './dev-channel.js';
