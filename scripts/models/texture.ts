/**
 * Small pictures painted in code for the models' labels, and the PNG files that carry them inside
 * a GLB. PNG is written here (signature, IHDR, one IDAT through zlib, IEND; PNG spec §5, §11)
 * because the CLI has no image library among its dependencies and a few truecolour chunks are all
 * a label needs.
 */
import { crc32, deflateSync } from 'node:zlib';

/** Straight 8-bit RGBA, row by row from the top. */
export interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.byteLength);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(out.subarray(4, 8 + data.byteLength)));
  return out;
}

export function encodePng(picture: Picture): Uint8Array {
  const { width, height, rgba } = picture;
  if (rgba.byteLength !== width * height * 4) throw new RangeError('the pixels do not match the size');
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  // Each row starts with its filter type; 0 (none) keeps the writer simple, zlib does the rest.
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const parts = [
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * A round brand badge: a disc in `ground`, a thin ring and a peak mark (two chevrons, like
 * mountains) in `mark`. Symmetric, so it reads the same on either side of a shoe. Each pixel is
 * sampled 4×4 times for smooth edges.
 */
export function badgePicture(ground: string, mark: string, size = 128): Picture {
  const [g, m] = [rgb(ground), rgb(mark)];
  const rgba = new Uint8Array(size * size * 4);
  const inMark = (x: number, y: number): boolean => {
    const r = Math.hypot(x, y);
    if (r > 0.86 && r < 0.93) return true; // the ring
    // Two peaks: |x| distance to a chevron line, thickness 0.12.
    const peak = (cx: number, top: number, width: number): boolean => {
      const dx = Math.abs(x - cx);
      return dx < width && Math.abs(y - (top + dx * 1.1)) < 0.12 && y < 0.5;
    };
    return peak(-0.2, -0.38, 0.5) || peak(0.3, -0.1, 0.4);
  };
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          if (inMark(x, y)) covered++;
        }
      const t = covered / (samples * samples);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round((g[c] ?? 0) * (1 - t) + (m[c] ?? 0) * t);
      rgba[at + 3] = 255;
    }
  }
  return { width: size, height: size, rgba };
}
