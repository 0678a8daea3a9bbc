/**
 * A HID bus in memory behind the device layer's transport interface: devices are plugged and
 * unplugged, and their input reports played byte for byte, so the manager and decoders run as
 * they would on node-hid. Unplugging an open device fails its connection the way node-hid does
 * (an `error` event), and tells watchers, as the `usb` package's detach would.
 */
import type { HidConnection, HidDeviceInfo, HidTransport } from '../../main/runtime/devices/transport.js';

interface Open {
  data: ((report: Uint8Array) => void)[];
  error: ((error: Error) => void)[];
  closed: boolean;
}

export class FakeHidBus implements HidTransport {
  private readonly present = new Map<string, HidDeviceInfo>();
  private readonly open_ = new Map<string, Open>();
  private readonly watchers = new Set<() => void>();
  /** Feature reports sent, by path. */
  readonly featureReports: { path: string; data: number[] }[] = [];
  enumerations = 0;
  /** Paths that refuse to open (permissions, say). */
  readonly refuse = new Set<string>();
  /** When false, plugging is silent: only a poll finds the device (no hotplug). */
  hotplug = true;

  plug(info: HidDeviceInfo): void {
    this.present.set(info.path, info);
    if (this.hotplug) for (const watcher of this.watchers) watcher();
  }

  unplug(path: string): void {
    this.present.delete(path);
    const open = this.open_.get(path);
    if (open !== undefined && !open.closed) {
      for (const listener of open.error) listener(new Error('could not read from HID device'));
    }
    if (this.hotplug) for (const watcher of this.watchers) watcher();
  }

  /** Delivers an input report from a device; false if nobody has it open. */
  send(path: string, report: Uint8Array): boolean {
    const open = this.open_.get(path);
    if (open === undefined || open.closed) return false;
    // node-hid hands over a fresh Buffer per report: copy, so a wipe by the reader is visible
    // on what it was given and not on the test's own fixture.
    const copy = Buffer.from(report);
    for (const listener of open.data) listener(copy);
    return true;
  }

  isOpen(path: string): boolean {
    const open = this.open_.get(path);
    return open !== undefined && !open.closed;
  }

  devices(): Promise<HidDeviceInfo[]> {
    this.enumerations++;
    return Promise.resolve([...this.present.values()]);
  }

  open(path: string): Promise<HidConnection> {
    if (!this.present.has(path)) return Promise.reject(new Error(`cannot open device with path ${path}`));
    if (this.refuse.has(path)) return Promise.reject(new Error('Permission denied'));
    const open: Open = { data: [], error: [], closed: false };
    this.open_.set(path, open);
    return Promise.resolve({
      onData: (listener) => {
        open.data.push(listener);
      },
      onError: (listener) => {
        open.error.push(listener);
      },
      sendFeatureReport: (data) => {
        this.featureReports.push({ path, data: [...data] });
        return Promise.resolve();
      },
      close: () => {
        open.closed = true;
        return Promise.resolve();
      },
    });
  }

  watch(onChange: () => void): () => void {
    this.watchers.add(onChange);
    return () => this.watchers.delete(onChange);
  }
}
