/**
 * What the device layer needs from USB HID: list devices, open one, read its input reports,
 * send a feature report, hear that the bus changed. node-hid (and the `usb` package for
 * hotplug) implement it on a kiosk (node-hid-transport.ts); tests drive the same code through a
 * transport that plays byte-exact reports.
 */

export interface HidDeviceInfo {
  /** The OS path node-hid opens (on Linux a /dev/hidrawN). */
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  usage?: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  interface?: number;
}

export interface HidConnection {
  /** Input reports, each as the OS delivered it (report id first when the device numbers them). */
  onData(listener: (report: Uint8Array) => void): void;
  /** A read error: on every OS this is how an unplugged device shows (node-hid#520). */
  onError(listener: (error: Error) => void): void;
  sendFeatureReport(data: readonly number[]): Promise<void>;
  close(): Promise<void>;
}

export interface HidTransport {
  /** Enumerates the HID devices present. Expensive: called on hotplug and on a slow poll only. */
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
  /** Calls back when a USB device comes or goes, where the platform can tell; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

/** "0c2e:0b61" */
export const usbIdText = (info: Pick<HidDeviceInfo, 'vendorId' | 'productId'>): string =>
  `${info.vendorId.toString(16).padStart(4, '0')}:${info.productId.toString(16).padStart(4, '0')}`;
