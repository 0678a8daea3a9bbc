/** A snapshot, image or change refused before anything was written. */
export class SyncApplyError extends Error {
  override readonly name = 'SyncApplyError';
}
