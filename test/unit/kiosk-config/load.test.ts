import { describe, expect, it } from 'vitest';
import {
  formatJsonPath,
  formatProblem,
  parseConfigText,
  parseConfigValue,
  type ConfigParseResult,
  type ConfigProblem,
} from '../../../kiosk-config/index.js';
import { lineOf, minimalConfig, toText } from './config-fixture.js';

function problemsOf(result: ConfigParseResult): ConfigProblem[] {
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

function parseWith(changes: Record<string, unknown>): { text: string; problems: ConfigProblem[] } {
  const text = toText({ ...minimalConfig(), ...changes });
  return { text, problems: problemsOf(parseConfigText(text)) };
}

describe('parseConfigText: JSON syntax', () => {
  it('reports a trailing comma as a syntax problem with its line', () => {
    const text = '{\n  "device": {\n    "id": "a",\n  }\n}\n';
    const result = parseConfigText(text);
    expect(result).toMatchObject({ ok: false, kind: 'syntax' });
    const [problem] = problemsOf(result);
    expect(problem).toMatchObject({ path: '', line: 3 });
    expect(problem?.message).toMatch(/trailing comma/);
  });

  it('refuses comments: the file is strict JSON', () => {
    const result = parseConfigText('{\n  // the kiosk\n  "mode": "kiosk"\n}');
    expect(result).toMatchObject({ ok: false, kind: 'syntax', problems: [{ line: 2 }] });
    expect(problemsOf(result)[0]?.message).toMatch(/comments are not allowed/);
  });

  it('names single quotes, missing commas and empty files', () => {
    expect(problemsOf(parseConfigText("{'mode': 'kiosk'}"))[0]?.message).toMatch(/double quotes/);
    expect(problemsOf(parseConfigText('{\n"a": 1\n"b": 2}'))[0]).toMatchObject({ line: 3 });
    expect(parseConfigText('')).toMatchObject({
      ok: false,
      kind: 'syntax',
      problems: [{ message: 'the file is empty' }],
    });
  });

  it('accepts a byte order mark', () => {
    expect(parseConfigText(`\uFEFF${toText(minimalConfig())}`).ok).toBe(true);
  });
});

describe('parseConfigText: problems with path and line', () => {
  it('reports a wrong type with its path, line and the value found', () => {
    const { text, problems } = parseWith({ idle: { timeoutSeconds: 'abc' } });
    expect(problems).toEqual([
      {
        path: 'idle.timeoutSeconds',
        line: lineOf(text, '"timeoutSeconds"'),
        message: 'expected an integer, got string "abc"',
      },
    ]);
  });

  it('points into arrays: hardware.scanners[1].vendorId', () => {
    const { text, problems } = parseWith({
      hardware: {
        scanners: [
          { vendorId: 1, productId: 2, mode: 'hid-pos' },
          { vendorId: true, productId: 2, mode: 'hid-pos' },
        ],
      },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: 'hardware.scanners[1].vendorId',
      line: lineOf(text, '"vendorId": true'),
    });
    expect(problems[0]?.message).toMatch(/expected a 16-bit id.*"0x0c2e", got boolean true/);
  });

  it('suggests the intended key for an unknown one, on the line of that key', () => {
    const config: Record<string, unknown> = { ...minimalConfig(), idleTimeout: 30 };
    const text = toText(config);
    expect(problemsOf(parseConfigText(text))).toEqual([
      {
        path: '',
        line: lineOf(text, '"idleTimeout"'),
        message: 'unknown key "idleTimeout" — did you mean "idle"?',
      },
    ]);
  });

  it('catches typos and snake_case in nested keys', () => {
    const { problems } = parseWith({
      hardware: { scaners: [], cardReaders: [{ vendor_id: 1, productId: 2, mode: 'msr' }] },
    });
    const messages = problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toContain('hardware: unknown key "scaners" — did you mean "scanners"?');
    expect(messages).toContain('hardware.cardReaders[0]: unknown key "vendor_id" — did you mean "vendorId"?');
  });

  it('says which mode a key belongs to', () => {
    const { problems } = parseWith({
      hardware: { scanners: [{ vendorId: 1, productId: 2, mode: 'hid-pos', suffix: 'enter' }] },
    });
    expect(problems[0]?.message).toBe(
      'unknown key "suffix" here: it only applies when "mode" is "keyboard-wedge"',
    );
  });

  it('treats keys named like Object.prototype members as unknown keys', () => {
    const { problems } = parseWith({
      hardware: { scanners: [{ vendorId: 1, productId: 2, mode: 'hid-pos', constructor: 1 }] },
    });
    expect(problems.map((problem) => problem.message)).toEqual(['unknown key "constructor"']);
  });

  it('puts a missing key on the line of the object that lacks it', () => {
    const config: Record<string, unknown> = { ...minimalConfig(), device: { id: 'k-1' } };
    const text = toText(config);
    expect(problemsOf(parseConfigText(text))).toEqual([
      { path: 'device.name', line: lineOf(text, '"device"'), message: 'required key is missing' },
    ]);
  });

  it('suggests enum values', () => {
    const { problems } = parseWith({ mode: 'kisok' });
    expect(problems[0]?.message).toBe(
      'expected "kiosk" or "window", got string "kisok" — did you mean "kiosk"?',
    );
  });

  it('reports every problem at once, in line order', () => {
    const { text, problems } = parseWith({
      device: { id: 'Front Kiosk', name: '' },
      mode: 'shop',
      idle: { timeoutSeconds: 5 },
      branding: { colors: { primary: 'red' } },
      accessibility: { textScale: 3, volume: 'loud' },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'device.id',
      'device.name',
      'mode',
      'idle.timeoutSeconds',
      'branding.colors.primary',
      'accessibility.textScale',
      'accessibility.volume',
    ]);
    const lines = problems.map((problem) => problem.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines[0]).toBe(lineOf(text, '"Front Kiosk"'));
  });

  it('reports keys written twice', () => {
    const text = toText(minimalConfig()).replace('"mode": "kiosk",', '"mode": "kiosk",\n  "mode": "window",');
    const problems = problemsOf(parseConfigText(text));
    expect(problems).toEqual([
      {
        path: '',
        line: lineOf(text, '"mode": "window"'),
        message: `key "mode" appears twice (first on line ${String(lineOf(text, '"mode": "kiosk"'))}); JSON keeps only the last, so remove one`,
      },
    ]);
  });

  it('refuses a root that is not an object', () => {
    expect(problemsOf(parseConfigText('[1, 2]'))).toEqual([
      { path: '', line: 1, message: 'expected an object { … }, got an array' },
    ]);
  });
});

describe('parseConfigText: cross-field rules', () => {
  it('needs a hub or a standalone feed, and says so', () => {
    const { hub: _hub, ...withoutHub } = minimalConfig();
    const neither = problemsOf(parseConfigText(toText(withoutHub)));
    expect(neither).toHaveLength(1);
    expect(neither[0]?.path).toBe('');
    expect(neither[0]?.message).toMatch(/missing "hub" or "standalone".*local catalog feed/);
  });

  it('refuses both a hub and a standalone feed', () => {
    const { text, problems } = parseWith({ standalone: { catalogFeed: './catalog.jsonl' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'standalone', line: lineOf(text, '"standalone"') });
    expect(problems[0]?.message).toMatch(/either "hub" or "standalone", not both/);
  });

  it('accepts a standalone device', () => {
    const { hub: _hub, ...withoutHub } = minimalConfig();
    const result = parseConfigValue({ ...withoutHub, standalone: { catalogFeed: './catalog.jsonl' } });
    expect(result.ok && result.config.standalone).toEqual({ catalogFeed: './catalog.jsonl' });
  });

  it('checks defaultLocale against languages, after normalizing case', () => {
    const { problems } = parseWith({ languages: ['de-DE', 'en'], defaultLocale: 'fr' });
    expect(problems).toEqual([
      {
        path: 'defaultLocale',
        line: expect.any(Number) as number,
        message: '"fr" is not one of languages ("de-DE", "en")',
      },
    ]);
    const result = parseConfigValue({ ...minimalConfig(), languages: ['de-de', 'EN'], defaultLocale: 'en' });
    expect(result.ok && [result.config.languages, result.config.defaultLocale]).toEqual([
      ['de-DE', 'en'],
      'en',
    ]);
  });

  it('still checks cross-field rules when other fields are wrong', () => {
    const { problems } = parseWith({ mode: 'shop', languages: ['en'], defaultLocale: 'de' });
    expect(problems.map((problem) => problem.path)).toEqual(['mode', 'defaultLocale']);
  });

  it('needs the idle warning to start before the timeout ends', () => {
    const { problems } = parseWith({ idle: { timeoutSeconds: 20, warningSeconds: 20 } });
    expect(problems[0]?.path).toBe('idle.warningSeconds');
    expect(problems[0]?.message).toMatch(/smaller than timeoutSeconds/);
    expect(parseWith({ idle: { warningSeconds: 15 } }).problems[0]?.message).toBe(
      'must be at least 20, got number 15',
    );
  });
});

describe('parseConfigText: values', () => {
  it('fills in every default', () => {
    const result = parseConfigText(toText(minimalConfig()));
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
    const { config } = result;
    expect(config.displays).toEqual([{ screen: 0, orientation: 'landscape' }]);
    expect(config.languages).toEqual(['en']);
    expect(config.defaultLocale).toBe('en');
    expect(config.idle).toEqual({ timeoutSeconds: 60, warningSeconds: 20 });
    expect(config.attract).toEqual({ playlist: [] });
    expect(config.hardware).toEqual({
      scanners: [],
      cardReaders: [],
      autoDetect: true,
      repeatWindowMs: 1500,
    });
    expect(config.barcodes).toEqual({ internalRules: [] });
    expect(config.accessibility).toEqual({
      lowReach: false,
      highContrast: false,
      textScale: 1,
      speech: false,
      volume: 0.7,
    });
    expect(config.consent).toEqual({ personalization: 'ask', marketing: 'ask' });
    expect(config.branding.colors).toEqual({
      primary: '#1F3A5F',
      accent: '#E0662B',
      background: '#FFFFFF',
      text: '#161616',
    });
    expect(config.development).toEqual({ simulation: false });
    expect(config.openingHours).toBeUndefined();
  });

  it('fills defaults inside list entries', () => {
    const result = parseConfigValue({
      ...minimalConfig(),
      attract: {
        playlist: [
          { kind: 'image', src: 'a.jpg' },
          { kind: 'product', productId: 'SKU-1' },
          { kind: 'video', src: 'b.mp4' },
        ],
      },
      hardware: { scanners: [{ vendorId: 1, productId: 2, mode: 'keyboard-wedge' }] },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.config.attract.playlist).toEqual([
      { kind: 'image', src: 'a.jpg', durationSeconds: 8 },
      { kind: 'product', productId: 'SKU-1', durationSeconds: 10 },
      { kind: 'video', src: 'b.mp4' },
    ]);
    expect(result.config.hardware.scanners[0]).toMatchObject({ suffix: 'enter', layout: 'us' });
  });

  it('normalizes hex USB ids to numbers', () => {
    const result = parseConfigValue({
      ...minimalConfig(),
      hardware: {
        scanners: [{ vendorId: '0x0c2e', productId: '0x0B87', usagePage: '0x8C', mode: 'hid-pos' }],
      },
    });
    expect(result.ok && result.config.hardware.scanners[0]).toEqual({
      mode: 'hid-pos',
      vendorId: 0x0c2e,
      productId: 0x0b87,
      usagePage: 0x8c,
    });
    const { problems } = parseWith({
      hardware: { scanners: [{ vendorId: '0c2e', productId: 70000, mode: 'hid-pos' }] },
    });
    expect(problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'hardware.scanners[0].vendorId: expected a 16-bit id: an integer 0..65535 or a hex string like "0x0c2e", got string "0c2e"',
      'hardware.scanners[0].productId: must be at most 65535, got number 70000',
    ]);
  });

  it('refuses a plain PIN and points at the hash-pin command', () => {
    const { problems } = parseWith({ staff: { pinHash: '1234' } });
    expect(problems).toEqual([
      {
        path: 'staff.pinHash',
        line: expect.any(Number) as number,
        message: 'looks like a plain PIN; store its scrypt hash: npx vitrine config hash-pin',
      },
    ]);
  });

  it('refuses an unknown time zone and normalizes a known one', () => {
    const hours = { week: { mon: [{ open: '09:00', close: '18:00' }] } };
    const { problems } = parseWith({ openingHours: { timeZone: 'Europe/Berln', ...hours } });
    expect(problems).toEqual([
      {
        path: 'openingHours.timeZone',
        line: expect.any(Number) as number,
        message: 'unknown time zone "Europe/Berln"; use an IANA name such as "Europe/Berlin"',
      },
    ]);
    const result = parseConfigValue({
      ...minimalConfig(),
      openingHours: { timeZone: 'europe/berlin', ...hours },
    });
    expect(result.ok && result.config.openingHours?.timeZone).toBe('Europe/Berlin');
    expect(result.ok && result.config.openingHours?.week.sun).toEqual([]);
  });

  it('refuses opening hours that close before they open, overlap, or name no real date', () => {
    const { text, problems } = parseWith({
      openingHours: {
        timeZone: 'Europe/Berlin',
        week: {
          mon: [{ open: '20:00', close: '10:00' }],
          tue: [
            { open: '09:00', close: '13:00' },
            { open: '12:30', close: '18:00' },
          ],
          wed: [{ open: '18:00', close: '24:00' }],
          thu: [{ open: '9:00', close: '18:00' }],
        },
        exceptions: [{ date: '2026-02-30', closed: true }, { date: '2026-12-24' }],
      },
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'openingHours.week.mon[0].close',
      'openingHours.week.tue[1]',
      'openingHours.week.thu[0].open',
      'openingHours.exceptions[0].date',
      'openingHours.exceptions[1]',
    ]);
    expect(problems[0]?.message).toBe(
      'closes at 10:00, not after it opens at 20:00; past midnight, close at "24:00" and open again the next day',
    );
    expect(problems[0]?.line).toBe(lineOf(text, '"close": "10:00"'));
  });

  it('refuses media with unsafe schemes and hub URLs that are not http(s)', () => {
    const { problems } = parseWith({
      hub: { url: 'ftp://hub.example.com', enrollmentCode: 'K7Q2-9XPM' },
      attract: {
        playlist: [
          { kind: 'image', src: 'javascript:alert(1)' },
          { kind: 'image', src: 'C:\\media\\a.jpg' },
        ],
      },
    });
    expect(problems.map((problem) => problem.path)).toEqual(['hub.url', 'attract.playlist[0].src']);
  });
});

describe('formatting', () => {
  it('formats a problem as file:LINE: path: message', () => {
    expect(formatProblem({ path: 'idle.timeoutSeconds', line: 7, message: 'bad' }, 'kiosk.json')).toBe(
      'kiosk.json:7: idle.timeoutSeconds: bad',
    );
    expect(formatProblem({ path: '', line: null, message: 'bad' }, 'kiosk.json')).toBe('kiosk.json: bad');
  });

  it('formats JSON paths', () => {
    expect(formatJsonPath(['hardware', 'scanners', 0, 'vendorId'])).toBe('hardware.scanners[0].vendorId');
    expect(formatJsonPath(['a key', 2])).toBe('["a key"][2]');
    expect(formatJsonPath([])).toBe('');
  });

  it('gives no lines for a config that did not come from text', () => {
    const result = parseConfigValue({ ...minimalConfig(), mode: 'x' });
    expect(problemsOf(result)).toEqual([
      { path: 'mode', line: null, message: 'expected "kiosk" or "window", got string "x"' },
    ]);
  });
});
