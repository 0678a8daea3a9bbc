/**
 * Media kept on disk by content hash (DESIGN.md, Storage): a model fetched once is shown again
 * without a network, and two products naming the same file share it. A file is named by the
 * sha-256 of its bytes, written under a temporary name and renamed, so a crash leaves either no
 * file or a whole one; a file that does not match the hash its feed gave is never kept. The
 * folder is kept under a size limit by dropping the least recently used files.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { SyncLog } from '../sync/index.js';

export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;
export const DEFAULT_FILE_BYTES = 64 * 1024 * 1024;
const INDEX_FILE = 'urls.json';
const HASH = /^[0-9a-f]{64}$/;

export interface MediaSource {
  url: string;
  /** The content hash the feed gave (hex sha-256): the download must match it. */
  sha256?: string;
  /** The file name's extension (`.glb`), so the host can tell its content type. */
  ext: string;
}

export interface MediaCacheOptions {
  dir: string;
  log: SyncLog;
  /** Total size the folder may reach before the least recently used files go. */
  maxBytes?: number;
  /** A single download larger than this is refused. */
  maxFileBytes?: number;
  /** How files are fetched (tests pass a loopback server's URLs; the default is the platform's). */
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  timeoutMs?: number;
  /** Marks a file as just used (for least-recently-used eviction). */
  now?: () => Date;
}

/** Why a medium could not be cached; the message names the URL. */
export class MediaCacheError extends Error {
  override readonly name = 'MediaCacheError';
}

export class MediaCache {
  private readonly dir: string;
  private readonly maxBytes: number;
  private readonly maxFileBytes: number;
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly closing = new AbortController();
  /** URL to content hash, for media whose feed gave no hash (kept in urls.json). */
  private readonly hashes: Map<string, string>;

  constructor(private readonly options: MediaCacheOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_FILE_BYTES;
    mkdirSync(this.dir, { recursive: true });
    // Leftovers of a download cut short by a crash or power loss.
    for (const name of readdirSync(this.dir)) if (name.endsWith('.tmp')) unlinkSync(join(this.dir, name));
    this.hashes = this.readIndex();
  }

  /** The cached file for `source` if it is on disk (and marks it used), without fetching. */
  cached(source: MediaSource): string | undefined {
    const hash = source.sha256 ?? this.hashes.get(source.url);
    if (hash === undefined) return undefined;
    const file = join(this.dir, `${hash}${source.ext}`);
    try {
      const time = this.options.now?.() ?? new Date();
      utimesSync(file, time, time);
      return file;
    } catch {
      return undefined;
    }
  }

  /** The cached file for `source`, fetched first if it is not on disk yet. */
  file(source: MediaSource): Promise<string> {
    const hit = this.cached(source);
    if (hit !== undefined) return Promise.resolve(hit);
    const key = `${source.sha256 ?? ''} ${source.url}`;
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = this.download(source).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Stops downloads in flight (the runtime is stopping); their callers get an error. */
  close(): void {
    this.closing.abort(new MediaCacheError('the media cache is closed'));
  }

  /** Files and bytes in the cache now. */
  usage(): { files: number; bytes: number } {
    const files = this.entries();
    return { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
  }

  private async download(source: MediaSource): Promise<string> {
    if (source.sha256 !== undefined && !HASH.test(source.sha256))
      throw new MediaCacheError(`${source.url}: sha256 "${source.sha256}" is not 64 lower-case hex digits`);
    if (!/^\.[a-z0-9]{1,8}$|^$/.test(source.ext))
      throw new MediaCacheError(`${source.url}: "${source.ext}" is not a file extension`);
    const bytes = await this.fetchBytes(source.url);
    if (this.closing.signal.aborted) throw new MediaCacheError(`${source.url}: the media cache is closed`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (source.sha256 !== undefined && hash !== source.sha256)
      throw new MediaCacheError(
        `${source.url}: the download's sha256 is ${hash}, the feed says ${source.sha256}`,
      );
    const file = join(this.dir, `${hash}${source.ext}`);
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    const time = this.options.now?.() ?? new Date();
    utimesSync(file, time, time);
    if (source.sha256 === undefined) {
      this.hashes.set(source.url, hash);
      this.writeIndex();
    }
    this.evict(file);
    this.options.log.info({ url: source.url, bytes: bytes.byteLength }, 'media cached');
    return file;
  }

  private async fetchBytes(url: string): Promise<Uint8Array> {
    const fetcher = this.options.fetch ?? ((u: string, init: { signal: AbortSignal }) => fetch(u, init));
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
      response = await fetcher(url, { signal: AbortSignal.any([timeout, this.closing.signal]) });
    } catch (error) {
      throw new MediaCacheError(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new MediaCacheError(`${url}: HTTP ${String(response.status)}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.maxFileBytes) {
      await response.body?.cancel();
      throw new MediaCacheError(
        `${url}: ${String(declared)} bytes is more than ${String(this.maxFileBytes)}`,
      );
    }
    // Counted while reading too: a server may send more than it declared, or declare nothing.
    const parts: Uint8Array[] = [];
    let size = 0;
    const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      size += chunk.value.byteLength;
      if (size > this.maxFileBytes) {
        await reader?.cancel();
        throw new MediaCacheError(`${url}: more than ${String(this.maxFileBytes)} bytes`);
      }
      parts.push(chunk.value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    return bytes;
  }

  /** Drops the least recently used files until the folder fits, never the one just written. */
  private evict(keep: string): void {
    const files = this.entries().sort((a, b) => a.usedMs - b.usedMs);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const file of files) {
      if (total <= this.maxBytes) break;
      if (file.path === keep) continue;
      unlinkSync(file.path);
      total -= file.size;
      this.options.log.info({ file: file.path }, 'media cache: dropped the least recently used file');
    }
  }

  private entries(): { path: string; size: number; usedMs: number }[] {
    return readdirSync(this.dir)
      .filter((name) => HASH.test(name.slice(0, 64)) && !name.endsWith('.tmp'))
      .map((name) => {
        const path = join(this.dir, name);
        const info = statSync(path);
        return { path, size: info.size, usedMs: info.mtimeMs };
      });
  }

  private readIndex(): Map<string, string> {
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, INDEX_FILE), 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null) return new Map();
      return new Map(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && HASH.test(entry[1]),
        ),
      );
    } catch {
      return new Map(); // none yet, or unreadable: the files are fetched again when asked for
    }
  }

  private writeIndex(): void {
    const file = join(this.dir, INDEX_FILE);
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(Object.fromEntries(this.hashes))}\n`);
    renameSync(temporary, file);
  }
}
