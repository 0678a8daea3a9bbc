/**
 * The HID transport on real hardware: node-hid's async API (its work queue keeps reads off the
 * event loop) with the hidraw driver on Linux, and the `usb` package's attach/detach events for
 * hotplug where libusb can watch the bus (node-hid has none: node-hid#123, #199, #356). Where
 * `usb` cannot load or watch (no libusb, no /sys/bus/usb in a container), the manager's slow
 * poll is all there is, and that is logged once.
 *
 * Both are native modules loaded on first use, so the runtime starts (and its tests run) on a
 * machine where neither can load; the manager reports the failure as a device error.
 */
import { createRequire } from 'node:module';
import type * as NodeHidModule from 'node-hid';
import type * as UsbNamespace from 'usb';
import type { SyncLog } from '../sync/support.js';
import type { HidConnection, HidDeviceInfo, HidTransport } from './transport.js';

const require = createRequire(import.meta.url);

type NodeHid = typeof NodeHidModule;
type UsbModule = typeof UsbNamespace;

let nodeHid: NodeHid | undefined;

function hid(): NodeHid {
  if (nodeHid === undefined) {
    nodeHid = require('node-hid') as NodeHid;
    if (process.platform === 'linux') nodeHid.setDriverType('hidraw');
  }
  return nodeHid;
}

export function nodeHidTransport(log: SyncLog): HidTransport {
  return {
    async devices() {
      const found = await hid().devicesAsync();
      return found.flatMap((d): HidDeviceInfo[] =>
        d.path === undefined
          ? []
          : [
              {
                path: d.path,
                vendorId: d.vendorId,
                productId: d.productId,
                ...(d.usagePage === undefined ? {} : { usagePage: d.usagePage }),
                ...(d.usage === undefined ? {} : { usage: d.usage }),
                ...(d.manufacturer === undefined ? {} : { manufacturer: d.manufacturer }),
                ...(d.product === undefined ? {} : { product: d.product }),
                ...(d.serialNumber === undefined ? {} : { serialNumber: d.serialNumber }),
                interface: d.interface,
              },
            ],
      );
    },

    async open(path): Promise<HidConnection> {
      const device = await hid().HIDAsync.open(path);
      return {
        onData(listener) {
          device.on('data', (data: Buffer) => {
            listener(data);
          });
        },
        onError(listener) {
          device.on('error', (error: unknown) => {
            listener(error instanceof Error ? error : new Error(String(error)));
          });
        },
        async sendFeatureReport(data) {
          await device.sendFeatureReport([...data]);
        },
        async close() {
          device.removeAllListeners();
          await device.close();
        },
      };
    },

    watch(onChange) {
      let usb: UsbModule['usb'];
      try {
        usb = (require('usb') as UsbModule).usb;
        usb.on('attach', onChange);
        usb.on('detach', onChange);
      } catch (error) {
        log.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'USB hotplug unavailable; devices are found by the periodic scan only',
        );
        return () => undefined;
      }
      return () => {
        usb.off('attach', onChange);
        usb.off('detach', onChange);
      };
    },
  };
}
