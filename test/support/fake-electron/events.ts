/** Electron's event objects and a captured page (NativeImage), faked for the shell's tests. */
import type { Event } from 'electron';
import { PNG } from 'pngjs';

/** An Electron event object: `preventDefault` and `defaultPrevented`, plus the event's params. */
export function fakeEvent<P extends object>(params: P = {} as P): Event<P> {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    params,
  );
}

/**
 * A NativeImage of grey noise: a real PNG (the hub checks the signature), and noise so that its
 * size grows with its area as a photo-rich page's would (about a byte per pixel).
 */
export class FakeImage {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  isEmpty(): boolean {
    return this.width === 0 || this.height === 0;
  }
  getSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }
  resize(options: { width?: number }): FakeImage {
    const width = options.width ?? this.width;
    return new FakeImage(width, Math.round((this.height * width) / this.width));
  }
  toPNG(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    let seed = 12345;
    for (let i = 0; i < png.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grey = seed >>> 24;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = grey;
      png.data[i + 3] = 255;
    }
    return PNG.sync.write(png, { colorType: 0 });
  }
}
