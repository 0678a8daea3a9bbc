/**
 * Boot keyboard reports (USB HID 1.11, appendix B.1) decoded to keystrokes, for scanners and
 * card readers that type. A report is 8 bytes: modifiers (bit 0 LCtrl, 1 LShift, 2 LAlt, 3 LGUI,
 * 4 RCtrl, 5 RShift, 6 RAlt = AltGr, 7 RGUI), a reserved byte, then up to six key usages from the
 * Keyboard/Keypad page (HID Usage Tables, page 0x07). A key is pressed when its usage appears in a
 * report it was not in before; a report of zeros releases all. Usage 0x01 (ErrorRollOver) in
 * every slot means too many keys are down: the report is ignored.
 *
 * The layout is the one the device is programmed for: a scanner set to German types "z" with
 * the key at usage 0x1D and "@" with AltGr+Q.
 */

export type KeyboardLayout = 'us' | 'de';

export type Keystroke =
  | { kind: 'char'; char: string }
  | { kind: 'enter' }
  | { kind: 'tab' }
  /** A key with no character in this layout (arrows, F-keys, a dead key, Ctrl+letter). */
  | { kind: 'other'; usage: number };

const SHIFT = 0x02 | 0x20;
const ALT_GR = 0x40;
const CTRL = 0x01 | 0x10;

/** [plain, shifted] per usage; AltGr characters apart. */
type KeyTable = Map<number, readonly [string, string]>;

function letters(table: KeyTable, order: string): void {
  for (let i = 0; i < order.length; i++) {
    const c = order[i] ?? '';
    table.set(0x04 + i, [c, c.toUpperCase()]);
  }
}

function row(table: KeyTable, firstUsage: number, plain: string, shifted: string): void {
  // Characters are paired by position; `plain` and `shifted` have the same length (one UTF-16
  // unit per character: every key here types a BMP character).
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charAt(i);
    table.set(firstUsage + i, [c, shifted.charAt(i) || c]);
  }
}

/** Keypad keys type the same in both layouts (with Num Lock on, as scanners assume). */
function keypad(table: KeyTable): void {
  row(table, 0x54, '/*-+', '/*-+');
  row(table, 0x59, '1234567890.', '1234567890.');
  table.set(0x2c, [' ', ' ']);
}

const us: KeyTable = new Map();
letters(us, 'abcdefghijklmnopqrstuvwxyz');
row(us, 0x1e, '1234567890', '!@#$%^&*()');
row(us, 0x2d, '-=[]\\', '_+{}|');
row(us, 0x33, ";'`,./", ':"~<>?');
us.set(0x32, ['\\', '|']); // Non-US # key: the backslash on a US ISO board
us.set(0x64, ['\\', '|']); // Non-US \ key
keypad(us);

const de: KeyTable = new Map();
letters(de, 'abcdefghijklmnopqrstuvwxzy'); // QWERTZ: usage 0x1C types z, 0x1D types y
row(de, 0x1e, '1234567890', '!"§$%&/()=');
de.set(0x2d, ['ß', '?']);
de.set(0x2e, ['´', '`']);
de.set(0x2f, ['ü', 'Ü']);
de.set(0x30, ['+', '*']);
de.set(0x31, ['#', "'"]);
de.set(0x32, ['#', "'"]);
de.set(0x33, ['ö', 'Ö']);
de.set(0x34, ['ä', 'Ä']);
de.set(0x35, ['^', '°']);
de.set(0x36, [',', ';']);
de.set(0x37, ['.', ':']);
de.set(0x38, ['-', '_']);
de.set(0x64, ['<', '>']);
keypad(de);

const deAltGr = new Map<number, string>([
  [0x14, '@'], // Q
  [0x08, '€'], // E
  [0x10, 'µ'], // M
  [0x1f, '²'],
  [0x20, '³'],
  [0x24, '{'],
  [0x25, '['],
  [0x26, ']'],
  [0x27, '}'],
  [0x2d, '\\'],
  [0x30, '~'],
  [0x64, '|'],
]);

const tables: Record<KeyboardLayout, { keys: KeyTable; altGr: Map<number, string> }> = {
  us: { keys: us, altGr: new Map() },
  de: { keys: de, altGr: deAltGr },
};

/** The keystroke of one key usage pressed with the given modifiers. */
export function keystroke(usage: number, modifiers: number, layout: KeyboardLayout): Keystroke {
  if (usage === 0x28 || usage === 0x58) return { kind: 'enter' };
  if (usage === 0x2b) return { kind: 'tab' };
  if ((modifiers & CTRL) !== 0) return { kind: 'other', usage };
  const table = tables[layout];
  if ((modifiers & ALT_GR) !== 0) {
    const char = table.altGr.get(usage);
    return char === undefined ? { kind: 'other', usage } : { kind: 'char', char };
  }
  const pair = table.keys.get(usage);
  if (pair === undefined) return { kind: 'other', usage };
  return { kind: 'char', char: (modifiers & SHIFT) !== 0 ? pair[1] : pair[0] };
}

/**
 * Turns a device's stream of boot reports into keystrokes. Holds the keys of the previous report
 * to tell presses from keys still held. Any input is accepted: a report of another length is
 * counted as garbage and ignored.
 */
export class BootKeyboardDecoder {
  private held = new Set<number>();
  garbage = 0;

  constructor(private readonly layout: KeyboardLayout) {}

  /** The keys pressed by this report, in report order. */
  decode(report: Uint8Array): Keystroke[] {
    // Some devices prefix a report id (1) to the boot layout: 9 bytes.
    const r = report.length === 9 ? report.subarray(1) : report;
    if (r.length !== 8) {
      this.garbage++;
      return [];
    }
    const modifiers = r[0] ?? 0;
    const keys = [...r.subarray(2)].filter((usage) => usage !== 0);
    if (keys.length > 0 && keys.every((usage) => usage === 0x01)) return []; // rollover: no change
    const out: Keystroke[] = [];
    for (const usage of keys) {
      if (usage < 0x04) continue; // reserved and error codes
      if (!this.held.has(usage)) out.push(keystroke(usage, modifiers, this.layout));
    }
    this.held = new Set(keys);
    return out;
  }

  reset(): void {
    this.held.clear();
  }
}

/** The boot report that presses one character in a layout, for tests and the simulator. */
export function reportsFor(text: string, layout: KeyboardLayout): Uint8Array[] {
  const reverse = new Map<string, [number, number]>();
  const table = tables[layout];
  for (const [usage, [plain, shifted]] of table.keys) {
    if (!reverse.has(plain)) reverse.set(plain, [usage, 0]);
    if (!reverse.has(shifted)) reverse.set(shifted, [usage, 0x02]);
  }
  for (const [usage, char] of table.altGr) if (!reverse.has(char)) reverse.set(char, [usage, ALT_GR]);
  reverse.set('\n', [0x28, 0]);
  reverse.set('\t', [0x2b, 0]);
  const reports: Uint8Array[] = [];
  for (const char of text) {
    const key = reverse.get(char);
    if (key === undefined) throw new RangeError(`"${char}" cannot be typed on the ${layout} layout`);
    reports.push(Uint8Array.of(key[1], 0, key[0], 0, 0, 0, 0, 0), new Uint8Array(8));
  }
  return reports;
}
