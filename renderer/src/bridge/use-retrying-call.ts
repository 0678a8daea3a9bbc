import { useEffect, useEffectEvent } from 'react';
import type { BridgeClient } from '../../../shared/bridge/client.js';
import type { BridgeArgs, BridgeCallName, BridgeResults } from '../../../shared/bridge/contract.js';

const RETRY_MS = 2000;

/**
 * For answers the page cannot do without: makes the call each time `active` turns true, and again
 * every 2 s until the runtime answers, since a failed call would otherwise leave the page waiting
 * for good. An answer that comes after `active` turned false, or after the component left, is dropped.
 * `args` and `onAnswer` are read when the call is made, so they may change freely.
 */
export function useRetryingCall<K extends BridgeCallName>(
  bridge: BridgeClient,
  name: K,
  args: BridgeArgs<K>,
  active: boolean,
  onAnswer: (result: BridgeResults[K]) => void,
): void {
  const call = useEffectEvent(() => bridge.call(name, args));
  const answer = useEffectEvent(onAnswer);
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      call().then(
        (result) => {
          if (!stopped) answer(result);
        },
        () => {
          if (!stopped) retry = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(retry);
    };
  }, [bridge, name, active]);
}
