import type {
  CatalogImageOffer,
  Change,
  PullRequest,
  PullResponse,
  SnapshotPageRequest,
  SnapshotPageResponse,
} from '../../../shared/protocol/index.js';
import { SyncApplyError, type SyncTarget } from '../catalog/index.js';
import { HubRequestError } from './hub-request.js';
import { ImageDownloadError } from './image-download.js';
import type { SyncLog } from './support.js';

/** The hub answered with an error, or with something that contradicts what was asked. */
export class HubAnswerError extends Error {
  override readonly name = 'HubAnswerError';
}

export interface ScopeSyncDeps {
  catalog: SyncTarget;
  log: SyncLog;
  /** Answers are already parsed with the protocol's schemas. */
  pull(request: PullRequest): Promise<PullResponse>;
  snapshotPage(request: SnapshotPageRequest): Promise<SnapshotPageResponse>;
  /**
   * Called as snapshot pages land (pages done of total, and rows done of total; rows is 0 when
   * the hub did not say), and with undefined when a snapshot ends.
   */
  progress(scope: string, progress: SnapshotPageProgress | undefined): void;
  /**
   * Settles when the scope's data may be applied. A store scope's prices and stock name the
   * catalog's SKUs, so they are applied after a catalog sync in flight (a snapshot swap
   * included); they are fetched and staged meanwhile, so the two transfers overlap. Rows that
   * still arrive before their SKU are kept by the catalog until it comes (pending_store_rows);
   * waiting keeps that the exception.
   */
  readyToApply?: () => Promise<void>;
  /**
   * Downloads a catalog image the hub offered (image-download.ts) and returns its file; absent
   * when this device takes paged snapshots only. `schema` is this device's catalog schema
   * version: an image of another is not downloaded.
   */
  images?: {
    schema: number;
    download(
      scope: string,
      image: CatalogImageOffer,
      progress: (bytes: number, total: number) => void,
    ): Promise<string>;
    discard(path: string): void;
  };
}

export interface SnapshotPageProgress {
  done: number;
  total: number;
  rowsDone: number;
  rows: number;
}

/** Gap answers in a row before giving up (the hub keeps answering from another cursor). */
const maxGaps = 3;

type ChangesAnswer = Extract<PullResponse, { kind: 'changes' }>;

/**
 * The changes must follow one another inside (from, to]; a page that does not is refused
 * whole. Sequence numbers may skip (a compacted log drops superseded changes).
 */
function checkChanges(scope: string, answer: ChangesAnswer): void {
  if (answer.scope !== scope)
    throw new HubRequestError(`catalog:pull: answered scope ${answer.scope}`, 'refused');
  if (answer.to < answer.from) throw new HubRequestError('catalog:pull: to is before from', 'refused');
  let last = answer.from;
  answer.changes.forEach((change, index) => {
    if (change.seq <= last || change.seq > answer.to) {
      throw new HubRequestError(
        `catalog:pull: changes[${String(index)}].seq ${String(change.seq)} is out of order in ${String(answer.from)}..${String(answer.to)}`,
        'refused',
      );
    }
    last = change.seq;
  });
}

/**
 * Applies the delta a poke carried, when it starts at this device's cursor. Returns false when it
 * does not (the caller pulls instead); throws when the delta itself is malformed.
 */
export async function applyPokedChanges(
  catalog: SyncTarget,
  poke: { scope: string; head: number; from: number; changes: readonly Change[] },
): Promise<{ applied: false } | { applied: true; problems: string[] }> {
  if (catalog.snapshotInProgress(poke.scope) !== undefined) return { applied: false };
  checkChanges(poke.scope, {
    kind: 'changes',
    scope: poke.scope,
    from: poke.from,
    to: poke.head,
    changes: [...poke.changes],
    more: false,
  });
  const outcome = await catalog.applyChanges(
    poke.scope,
    poke.from,
    poke.head,
    poke.changes.map(({ seq: _seq, ...body }) => body),
  );
  if (outcome.status === 'gap') return { applied: false };
  return { applied: true, problems: outcome.summary.problems.map((p) => p.message) };
}

/**
 * Brings one scope up to the hub's head: resumes a staged snapshot, then pulls changes from the
 * stored cursor until the hub has no more, taking a snapshot whenever the hub says so.
 */
export async function syncScope(scope: string, deps: ScopeSyncDeps): Promise<void> {
  const { catalog, log } = deps;
  const staged = catalog.snapshotInProgress(scope);
  if (staged !== undefined) {
    log.info({ scope, snapshotId: staged.snapshotId, nextPage: staged.nextPage }, 'resuming snapshot');
    await takeSnapshot(scope, { ...staged, startPage: staged.nextPage }, deps);
  }
  let gaps = 0;
  let imageRefused = false;
  for (;;) {
    const cursor = catalog.cursor(scope);
    const answer = await deps.pull({ scope, cursor });
    if (answer.kind === 'error') {
      // cursor-ahead without a snapshot offer leaves no safe way forward (the protocol has no
      // "send me a snapshot" request): surface it rather than drop the catalog.
      throw new HubAnswerError(`catalog:pull ${scope}: ${answer.error.code}: ${answer.error.message}`);
    }
    if (answer.kind === 'snapshot') {
      if (answer.scope !== scope)
        throw new HubRequestError(`catalog:pull: answered scope ${answer.scope}`, 'refused');
      const resume = catalog.snapshotInProgress(scope);
      const sameSnapshot =
        resume?.snapshotId === answer.snapshotId &&
        resume.cursor === answer.cursor &&
        resume.pages === answer.pages;
      if (
        answer.image !== undefined &&
        !imageRefused &&
        (await takeImage(scope, answer.image, answer.records, deps))
      ) {
        continue; // pull the changes after the image's cursor
      }
      imageRefused = answer.image !== undefined; // whatever went wrong with it, the pages are the way
      log.info(
        { scope, snapshotId: answer.snapshotId, reason: answer.reason, pages: answer.pages },
        'taking snapshot',
      );
      await takeSnapshot(
        scope,
        {
          ...answer,
          rows: answer.records,
          startPage: sameSnapshot ? resume.nextPage : 0,
          rowsDone: sameSnapshot ? resume.rowsDone : 0,
        },
        deps,
      );
      continue; // pull the changes after the snapshot's cursor (or, if it expired, ask again)
    }
    checkChanges(scope, answer);
    await deps.readyToApply?.();
    const outcome = await catalog.applyChanges(
      scope,
      answer.from,
      answer.to,
      answer.changes.map(({ seq: _seq, ...body }) => body),
    );
    if (outcome.status === 'gap') {
      log.warn(
        { scope, from: answer.from, cursor: outcome.cursor },
        'changes do not start at the cursor; pulling again',
      );
      if (++gaps >= maxGaps)
        throw new HubAnswerError(
          `catalog:pull ${scope}: answers keep starting at ${String(answer.from)}, not ${String(outcome.cursor)}`,
        );
      continue;
    }
    gaps = 0;
    for (const problem of outcome.summary.problems)
      log.warn({ scope, problem: problem.message }, 'change skipped');
    if (!answer.more) return;
  }
}

/**
 * Takes the scope from a hub-built image: downloads it (resuming a part already on disk) and
 * swaps it in. Returns false when the image is not for this device (another schema), is no longer
 * on the hub, or was refused when checked: the caller takes the paged snapshot. A failed download
 * throws, and the sync retries with backoff from the bytes already on disk.
 */
async function takeImage(
  scope: string,
  image: CatalogImageOffer,
  records: number,
  deps: ScopeSyncDeps,
): Promise<boolean> {
  const { catalog, log, images } = deps;
  if (images?.schema !== image.schema) return false;
  log.info({ scope, cursor: image.cursor, bytes: image.bytes }, 'taking catalog image');
  const megabyte = 1024 * 1024;
  const total = Math.max(1, Math.ceil(image.bytes / megabyte));
  try {
    // Shown at once (a download resumed from a whole file on disk reports no bytes).
    deps.progress(scope, { done: 0, total, rowsDone: 0, rows: records });
    let path: string;
    let shown = 0;
    try {
      path = await images.download(scope, image, (bytes) => {
        // Once per megabyte, not per network chunk: each report is a status event for the UI.
        const done = Math.floor(bytes / megabyte);
        if (done === shown) return;
        shown = done;
        deps.progress(scope, {
          done,
          total,
          rowsDone: Math.floor((records * bytes) / image.bytes),
          rows: records,
        });
      });
    } catch (error) {
      if (error instanceof ImageDownloadError && error.gone) {
        log.warn({ scope, path: image.path }, 'catalog image gone from the hub; taking the paged snapshot');
        return false;
      }
      throw error;
    }
    await deps.readyToApply?.();
    try {
      const { summary } = await catalog.swapInImage(scope, path, image.cursor);
      images.discard(path);
      log.info({ scope, cursor: image.cursor, products: summary.products }, 'catalog image applied');
      return true;
    } catch (error) {
      // Any other failure (the writer thread died) keeps the file for the retry.
      if (!(error instanceof SyncApplyError)) throw error;
      images.discard(path);
      log.warn({ scope, error: error.message }, 'catalog image refused; taking the paged snapshot');
      return false;
    }
  } finally {
    deps.progress(scope, undefined);
  }
}

interface SnapshotPlan {
  snapshotId: string;
  cursor: number;
  pages: number;
  startPage: number;
  /** Rows in the whole snapshot (0 when unknown), and rows already staged (a resumed snapshot). */
  rows: number;
  rowsDone: number;
}

/** Fetches and stages pages startPage..pages-1, then swaps the snapshot in. */
async function takeSnapshot(scope: string, plan: SnapshotPlan, deps: ScopeSyncDeps): Promise<void> {
  const { catalog, log } = deps;
  try {
    const ask = (page: number) => {
      const answer = deps.snapshotPage({ scope, snapshotId: plan.snapshotId, page });
      // A page asked ahead may be left unawaited (the loop ends early); its failure is then moot.
      answer.catch(() => undefined);
      return answer;
    };
    // One page asked ahead: the hub reads and sends page N+1 while this device stages page N.
    let ahead = plan.startPage < plan.pages ? ask(plan.startPage) : undefined;
    let rowsDone = plan.rowsDone;
    const report = (done: number) => {
      deps.progress(scope, { done, total: plan.pages, rowsDone, rows: Math.max(plan.rows, rowsDone) });
    };
    for (let page = plan.startPage; page < plan.pages; page++) {
      report(page);
      const answer = await (ahead ?? ask(page));
      ahead = page + 1 < plan.pages && answer.kind !== 'error' ? ask(page + 1) : undefined;
      if (answer.kind === 'error') {
        if (answer.error.code === 'snapshot-expired') {
          // The staged pages belong to a snapshot the hub no longer serves: drop them; the next
          // pull (from the unchanged cursor) is answered with a fresh snapshot.
          log.warn({ scope, snapshotId: plan.snapshotId, page }, 'snapshot expired; starting over');
          await catalog.abandonSnapshot(scope);
          return;
        }
        throw new HubAnswerError(`catalog:snapshot ${scope}: ${answer.error.code}: ${answer.error.message}`);
      }
      if (
        answer.scope !== scope ||
        answer.snapshotId !== plan.snapshotId ||
        answer.page !== page ||
        answer.pages !== plan.pages ||
        answer.cursor !== plan.cursor
      ) {
        throw new HubRequestError(
          `catalog:snapshot: answered ${answer.scope} ${answer.snapshotId} page ${String(answer.page)}/${String(answer.pages)} at ${String(answer.cursor)}, asked for page ${String(page)} of ${plan.snapshotId}`,
          'refused',
        );
      }
      rowsDone = (
        await catalog.stageSnapshotPage(
          scope,
          plan.snapshotId,
          plan.cursor,
          page,
          plan.pages,
          answer.records,
          plan.rows,
        )
      ).rowsDone;
    }
    report(plan.pages);
    await deps.readyToApply?.();
    const { summary } = await catalog.finishSnapshot(scope);
    log.info(
      { scope, cursor: plan.cursor, products: summary.products, problems: summary.problems.length },
      'snapshot applied',
    );
    // Skipped rows are data the device will not show (stock for a SKU it does not know): say so
    // as loudly as the change-log path does, with a sample rather than thousands of lines.
    if (summary.problems.length > 0) {
      log.warn(
        {
          scope,
          skipped: summary.problems.length,
          sample: summary.problems.slice(0, 3).map((p) => p.message),
        },
        'snapshot rows skipped',
      );
    }
  } finally {
    deps.progress(scope, undefined);
  }
}
