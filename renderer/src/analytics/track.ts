/**
 * The page's analytics: typed `session.track` calls for the events only the screen sees (the
 * catalogue in shared/analytics says which; the runtime adds the session id and checks them).
 *
 * Some events wait until they are final — a search is sent once the shopper stops typing, not
 * per keystroke. Those are held here, so "I'm done" can send them before the session ends (they
 * belong to it), and an idle reset, which comes after the session has ended, can drop them.
 */
import type { AnalyticsProps, PageEventName } from '../../../shared/analytics/events.js';
import type { BridgeClient } from '../../../shared/bridge/client.js';
import { callQuietly } from '../bridge/kiosk-context.js';

export function track<K extends PageEventName>(
  bridge: BridgeClient,
  name: K,
  props: AnalyticsProps<K>,
): void {
  callQuietly(bridge.call('session.track', { name, props }));
}

export interface HeldEvent {
  /** Sends the event now, if there is one to send. */
  flush: () => void;
  /** Forgets it: the session it belonged to is over. */
  discard: () => void;
}

const held = new Set<HeldEvent>();

/** Holds an event source for as long as a screen is up; returns its release. */
export function hold(event: HeldEvent): () => void {
  held.add(event);
  return () => held.delete(event);
}

/** The shopper ends the session: what is held is sent first, inside it. */
export function flushHeld(): void {
  for (const event of [...held]) event.flush();
}

/**
 * What a session remembers across screens (the last search sent), keyed by its owner. The page
 * runs one session at a time, so module state is enough; `sessionEnded` clears it.
 */
export const sessionMemory = new Map<string, unknown>();

/**
 * The session is over (after "I'm done" was flushed, or an idle reset that the runtime has
 * already ended): nothing held may be sent into the next one, and nothing is remembered.
 */
export function sessionEnded(): void {
  for (const event of [...held]) event.discard();
  sessionMemory.clear();
}
