/**
 * Downloads a catalog image the hub offered (server/catalog/images.ts) into the device's data
 * folder, resumably: the bytes land in `<sha256>.part` and a broken-off download (the network,
 * the hub, this process) continues from where the part ends, with `If-Range` so the bytes resumed
 * are of the same file. The whole file is checked against the offer's SHA-256 before it is renamed
 * to `<sha256>.db` and handed on; a file that does not match is deleted, never applied.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogImageOffer } from '../../../shared/protocol/index.js';

export const IMAGES_DIR = 'catalog-images';

/** The hub answered the download with an error status; `gone`: the image is no longer served. */
export class ImageDownloadError extends Error {
  override readonly name = 'ImageDownloadError';
  constructor(
    message: string,
    readonly gone = false,
  ) {
    super(message);
  }
}

export interface ImageDownloadOptions {
  /** The sync scope the image is of: each has a folder, so downloads side by side keep apart. */
  scope: string;
  hubUrl: string;
  dataDir: string;
  deviceId: string;
  token: string;
  fetch: typeof fetch;
  /** Bytes on disk so far of the image's total, as they grow. */
  progress?: (bytes: number, total: number) => void;
}

async function hashPrefix(path: string, hash: ReturnType<typeof createHash>): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
}

/** Returns the path of the verified image file. */
export async function downloadImage(
  image: CatalogImageOffer,
  options: ImageDownloadOptions,
): Promise<string> {
  const dir = join(options.dataDir, IMAGES_DIR, options.scope.replace(':', '-'));
  mkdirSync(dir, { recursive: true });
  const final = join(dir, `${image.sha256}.db`);
  const part = join(dir, `${image.sha256}.part`);
  // Parts and images of other offers are of no use any more.
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(image.sha256)) rmSync(join(dir, name), { force: true });
  }
  if (statSync(final, { throwIfNoEntry: false })?.size === image.bytes) return final;

  let offset = statSync(part, { throwIfNoEntry: false })?.size ?? 0;
  if (offset > image.bytes) offset = 0;
  let hash = createHash('sha256');
  if (offset > 0) await hashPrefix(part, hash);
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    'x-vitrine-device': options.deviceId,
  };
  if (offset > 0 && offset < image.bytes) {
    headers.range = `bytes=${String(offset)}-`;
    headers['if-range'] = `"${image.sha256}"`;
  }
  if (offset < image.bytes) {
    const response = await options.fetch(`${options.hubUrl}${image.path}`, { headers });
    if (response.status === 404)
      throw new ImageDownloadError(`catalog image ${image.path}: no longer on the hub`, true);
    if (response.status !== 200 && response.status !== 206) {
      throw new ImageDownloadError(
        `catalog image ${image.path}: the hub answered ${String(response.status)}`,
      );
    }
    if (response.status === 200 && offset > 0) {
      // The hub sent the whole file (another one under that name, or it ignores ranges): start over.
      offset = 0;
      hash = createHash('sha256');
    }
    if (response.body === null) throw new ImageDownloadError(`catalog image ${image.path}: empty answer`);
    offset = await append(part, offset, response.body, hash, image, options);
  }
  return finish(image, part, final, offset, hash);
}

/** Appends the body to the part file; returns the part's size. Never writes past the image's size. */
async function append(
  part: string,
  offset: number,
  body: ReadableStream<Uint8Array>,
  hash: ReturnType<typeof createHash>,
  image: CatalogImageOffer,
  options: ImageDownloadOptions,
): Promise<number> {
  const file = await open(part, offset === 0 ? 'w' : 'a');
  let size = offset;
  try {
    for await (const chunk of body) {
      if (size + chunk.byteLength > image.bytes) {
        throw new ImageDownloadError(
          `catalog image ${image.path}: longer than the ${String(image.bytes)} bytes offered`,
        );
      }
      await file.write(chunk);
      hash.update(chunk);
      size += chunk.byteLength;
      options.progress?.(size, image.bytes);
    }
    // On disk before it is used: an OS crash must not leave a verified name on unwritten bytes.
    await file.datasync();
  } finally {
    await file.close();
  }
  return size;
}

async function finish(
  image: CatalogImageOffer,
  part: string,
  final: string,
  size: number,
  hash: ReturnType<typeof createHash>,
): Promise<string> {
  if (size !== image.bytes) {
    throw new ImageDownloadError(
      `catalog image ${image.path}: ${String(size)} of ${String(image.bytes)} bytes; will resume`,
    );
  }
  const digest = hash.digest('hex');
  if (digest !== image.sha256) {
    rmSync(part, { force: true });
    throw new ImageDownloadError(
      `catalog image ${image.path}: SHA-256 ${digest} is not the ${image.sha256} offered`,
    );
  }
  await rename(part, final);
  return final;
}

/** Deletes a downloaded image once it is applied (or refused). */
export function discardImage(path: string): void {
  rmSync(path, { force: true });
}
