/**
 * The last warnings and errors of the runtime's log, for the staff panel: the message and time
 * only. Log details can hold a code a shopper scanned or a hub error body; staff need to know
 * that something failed and what, not the data around it.
 */
import type { SyncLog } from '../sync/index.js';

export interface RecentProblems {
  /** Newest first. */
  list(): { at: string; level: 'warn' | 'error'; message: string }[];
}

export function recordProblems(
  log: SyncLog,
  now: () => Date,
  keep = 20,
): { log: SyncLog; problems: RecentProblems } {
  const entries: { at: string; level: 'warn' | 'error'; message: string }[] = [];
  const record = (level: 'warn' | 'error', message: string): void => {
    entries.unshift({ at: now().toISOString(), level, message: message.slice(0, 300) });
    entries.length = Math.min(entries.length, keep);
  };
  return {
    log: {
      debug: (details, message) => {
        log.debug(details, message);
      },
      info: (details, message) => {
        log.info(details, message);
      },
      warn: (details, message) => {
        record('warn', message);
        log.warn(details, message);
      },
      error: (details, message) => {
        record('error', message);
        log.error(details, message);
      },
    },
    problems: { list: () => entries.map((e) => ({ ...e })) },
  };
}
