/**
 * The fleet's screenshot command: a picture of what the kiosk shows, captured from its window
 * (not the screen, so no password dialog or other app can end up on the hub), as a PNG small
 * enough for one command result (MAX_PNG_BASE64_CHARS, under the protocol's 1 MB message limit).
 * A full-HD UI with photos can be larger, so it is scaled down step by step until it fits.
 */
import type { Picture } from './electron-api.js';

/** Widths tried after the original, largest first; the smallest still shows what is on screen. */
const WIDTHS = [1280, 960, 720, 480, 320];

export function screenshotBase64(picture: Picture, maxBase64Chars: number): string {
  if (picture.isEmpty()) throw new Error('the window shows nothing yet (no picture)');
  const { width } = picture.getSize();
  for (const target of [width, ...WIDTHS.filter((w) => w < width)]) {
    const candidate = target === width ? picture : picture.resize({ width: target, quality: 'good' });
    const base64 = candidate.toPNG().toString('base64');
    if (base64.length <= maxBase64Chars) return base64;
  }
  throw new Error(`even at 320 px wide the screenshot is over ${String(maxBase64Chars)} base64 characters`);
}
