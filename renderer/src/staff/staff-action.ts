import { BridgeError } from '../../../shared/bridge/client.js';

/** What staff.resync and staff.exit answer: the panel shows the message, toned by `ok`. */
export interface StaffOutcome {
  ok: boolean;
  message: string;
}

/** staff.* calls answer `unavailable` only when the staff session is locked or has run out. */
export function refused(error: unknown): boolean {
  return error instanceof BridgeError && error.code === 'unavailable';
}

/**
 * Settles a staff action into the outcome the panel shows: the runtime's answer, or a failure
 * worded by the error. A refusal has no outcome to show: the staff session is over.
 */
export function settleStaffAction(
  call: Promise<StaffOutcome>,
  onDone: (outcome: StaffOutcome) => void,
  onExpired: () => void,
): void {
  call.then(onDone, (error: unknown) => {
    if (refused(error)) onExpired();
    else onDone({ ok: false, message: error instanceof Error ? error.message : String(error) });
  });
}
