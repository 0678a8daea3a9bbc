/**
 * Physical key presses, from a keyboard-wedge barcode scanner or (rarely) a real keyboard. Every
 * key is held back until shared/input/burst.ts decides: a scan goes to the runtime as
 * `device.keyboardScan` (which answers with a `scan` event) and never lands in a field; keys that
 * were typing are replayed into the active text target.
 */
import { BurstDetector, type BurstKey, type BurstOutput } from '../../../shared/input/burst.js';
import { activeTextTarget } from './text-target.js';

/** Keys that carry no character of their own; a scanner presses Shift for capitals mid-burst. */
const IGNORED = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Dead',
  'Unidentified',
  'Process',
]);

export interface WedgeHandlers {
  onScan(code: string): void;
  /** Something was typed (for the idle timer). */
  onTyping(): void;
}

function toBurstKey(event: KeyboardEvent): BurstKey {
  if (event.key === 'Enter') return { kind: 'enter' };
  if (event.key === 'Tab') return { kind: 'tab' };
  if (event.key.length === 1 || Array.from(event.key).length === 1) return { kind: 'char', char: event.key };
  return { kind: 'other' };
}

export function attachKeyboardWedge(target: Window, handlers: WedgeHandlers): () => void {
  const detector = new BurstDetector();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (outputs: BurstOutput[], pressed: string | null): void => {
    for (const output of outputs) {
      if (output.kind === 'scan') {
        handlers.onScan(output.text);
        continue;
      }
      let text = '';
      const field = activeTextTarget();
      const flushText = (): void => {
        if (text !== '') field?.insert(text);
        text = '';
      };
      for (const key of output.keys) {
        if (key.kind === 'char') text += key.char;
        // 'other' is never held, so it is the key just pressed; only Backspace means anything.
        else if (key.kind === 'other' && pressed === 'Backspace') {
          flushText();
          field?.backspace();
        }
      }
      flushText();
      handlers.onTyping();
    }
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const due = detector.dueAt();
    if (due === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        deliver(detector.flush(performance.now()), null);
        schedule();
      },
      Math.max(0, due - performance.now()),
    );
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    // Shortcuts belong to the shell (and staff); modifier keys alone carry no character.
    if (event.ctrlKey || event.metaKey || (event.altKey && !event.getModifierState('AltGraph'))) return;
    if (IGNORED.has(event.key) || /^F\d+$/.test(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    // Held keys auto-repeat: a stuck key is typing, and the repeats would read as a fast burst.
    if (event.repeat && event.key.length === 1) return;
    const at = event.timeStamp > 0 ? event.timeStamp : performance.now();
    deliver(detector.push(toBurstKey(event), at), event.key);
    schedule();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
  };
}
