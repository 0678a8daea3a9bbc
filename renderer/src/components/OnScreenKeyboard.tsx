/**
 * The kiosk's keyboard. It writes into whichever field is the active text target
 * (input/text-target.ts), so it never needs DOM focus and a tap on a key cannot steal it.
 */
import { useTranslation } from 'react-i18next';
import { activeTextTarget } from '../input/text-target.js';
import { Icon } from './Icon.js';

export type KeyboardLayout = 'search' | 'name' | 'email' | 'phone';

type Key = string | { key: 'space' | 'backspace' | 'clear' | 'done'; wide?: number };

const letters: Key[][] = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
];
const digits: Key[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

const layouts: Record<KeyboardLayout, Key[][]> = {
  search: [
    digits,
    letters[0] ?? [],
    letters[1] ?? [],
    [...(letters[2] ?? []), '-', { key: 'backspace', wide: 2 }],
    [
      { key: 'clear', wide: 2 },
      { key: 'space', wide: 6 },
      { key: 'done', wide: 2 },
    ],
  ],
  name: [
    letters[0] ?? [],
    letters[1] ?? [],
    [...(letters[2] ?? []), '-', "'", { key: 'backspace', wide: 2 }],
    [{ key: 'clear', wide: 2 }, { key: 'space', wide: 6 }, '.'],
  ],
  email: [
    digits,
    letters[0] ?? [],
    letters[1] ?? [],
    [...(letters[2] ?? []), '_', { key: 'backspace', wide: 2 }],
    [{ key: 'clear', wide: 2 }, '@', '.', '-', '+', '.com'],
  ],
  phone: [
    ['1', '2', '3'],
    ['4', '5', '6'],
    ['7', '8', '9'],
    ['+', '0', { key: 'backspace' }],
    [{ key: 'clear' }, { key: 'space' }, '-'],
  ],
};

export interface OnScreenKeyboardProps {
  layout: KeyboardLayout;
  onDone?: () => void;
  className?: string;
}

export function OnScreenKeyboard({ layout, onDone, className }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const labels = {
    space: t('keyboard.space'),
    backspace: t('keyboard.backspace'),
    clear: t('keyboard.clear'),
    done: t('keyboard.done'),
  };
  const press = (key: Key): void => {
    const target = activeTextTarget();
    if (typeof key === 'string') target?.insert(key);
    else if (key.key === 'space') target?.insert(' ');
    else if (key.key === 'backspace') target?.backspace();
    else if (key.key === 'clear') target?.clear();
    else onDone?.();
  };
  const rows = layouts[layout].map((row) =>
    onDone === undefined ? row.filter((k) => typeof k === 'string' || k.key !== 'done') : row,
  );
  return (
    // The keys are Latin, laid out as on any QWERTY keyboard: an Arabic page must not mirror them.
    <div
      className={`osk osk-${layout} ${className ?? ''}`}
      role="group"
      aria-label={t('keyboard.label')}
      dir="ltr"
    >
      {rows.map((row, r) => (
        <div className="osk-row" key={r}>
          {row.map((key) => {
            const name = typeof key === 'string' ? key : key.key;
            const wide = typeof key === 'string' ? (key.length > 1 ? 2 : 1) : (key.wide ?? 1);
            return (
              <button
                type="button"
                key={name}
                className={`osk-key press ${typeof key === 'string' ? '' : `osk-${key.key}`}`}
                style={{ flexGrow: wide }}
                data-key={name}
                aria-label={typeof key === 'string' ? undefined : labels[key.key]}
                tabIndex={-1}
                // Keeps the caret in the field being typed into (a mouse-down would move focus).
                onMouseDown={(event) => {
                  event.preventDefault();
                }}
                onClick={() => {
                  press(key);
                }}
              >
                {typeof key === 'string' ? (
                  key
                ) : key.key === 'backspace' ? (
                  <Icon name="backspace" />
                ) : key.key === 'done' ? (
                  <Icon name="keyboard" />
                ) : key.key === 'space' ? (
                  <span className="osk-space-bar" aria-hidden="true" />
                ) : (
                  labels[key.key]
                )}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
