/**
 * The field that typing goes to. The kiosk has no physical keyboard: the on-screen keyboard and
 * keys a keyboard-wedge device sends that turned out not to be a scan (keyboard-wedge.ts) both
 * write here rather than relying on DOM focus, which a tap on a key would otherwise steal.
 */
import { useEffect, useEffectEvent, type Dispatch, type SetStateAction } from 'react';

export interface TextTarget {
  insert(text: string): void;
  backspace(): void;
  clear(): void;
}

let active: TextTarget | null = null;

export function activeTextTarget(): TextTarget | null {
  return active;
}

export interface TextTargetOptions {
  maxLength?: number;
  /** Rewrites inserted text given what is already there (capitalising names, say). */
  shape?: (before: string, inserted: string) => string;
}

/**
 * Makes a field the typing target while `enabled`. Edits go through the state setter's updater
 * form so keys delivered in one burst each see the previous key's result.
 */
export function useTextTarget(
  enabled: boolean,
  setValue: Dispatch<SetStateAction<string>>,
  options: TextTargetOptions = {},
): void {
  const { maxLength = 200, shape } = options;
  const insert = useEffectEvent((text: string) => {
    setValue((before) => (before + (shape ? shape(before, text) : text)).slice(0, maxLength));
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const target: TextTarget = {
      insert,
      backspace: () => {
        setValue((before) => Array.from(before).slice(0, -1).join(''));
      },
      clear: () => {
        setValue('');
      },
    };
    active = target;
    return () => {
      if (active === target) active = null;
    };
  }, [enabled, setValue]);
}
