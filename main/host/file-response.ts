/**
 * Sending one file over node:http, with single byte ranges: Chromium asks for ranges to seek in
 * (and sometimes just to start) an mp4 or webm, so attract-loop videos need them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * The one range a `Range` header asks for (`bytes=0-99`, `bytes=100-`, `bytes=-100`), inclusive
 * and clipped to the file; undefined for no header or a form we answer with the whole file
 * (several ranges, other units), which RFC 9110 §14.2 allows.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers `request` with the file (GET or HEAD) and `headers`; false, with nothing sent, when
 * `file` is not a regular file, so the caller can answer 404.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  let size: number;
  let modified: Date;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    size = info.size;
    modified = info.mtime;
  } catch {
    return false;
  }
  const range = parseByteRange(request.headers.range, size);
  const common = { ...headers, 'Accept-Ranges': 'bytes', 'Last-Modified': modified.toUTCString() };
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...common, 'Content-Range': `bytes */${String(size)}` }).end();
    return true;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  response.writeHead(range === undefined ? 200 : 206, {
    ...common,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range === undefined
      ? {}
      : { 'Content-Range': `bytes ${String(start)}-${String(end)}/${String(size)}` }),
  });
  if (request.method === 'HEAD' || size === 0) {
    response.end();
    return true;
  }
  try {
    await pipeline(createReadStream(file, { start, end }), response);
  } catch {
    // The page went away mid-file (a video skipped, a reload): nothing to answer any more.
    response.destroy();
  }
  return true;
}
