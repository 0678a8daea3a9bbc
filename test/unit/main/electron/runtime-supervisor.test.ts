/**
 * The runtime beside the windows: the main side (superviseRuntime) and the runtime side
 * (serveRuntime) joined through the fake utility process, on a hand-moved clock. The runtime is
 * restarted when it exits, with backoff; calls meanwhile are answered "unavailable" at once; the
 * fleet commands only a shell can carry out (reload, restart, screenshot) go through the shell, and
 * so does staff exiting the kiosk (the app quits).
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { nextRestartDelayMs, superviseRuntime } from '../../../../main/electron/runtime-supervisor.js';
import { serveRuntime } from '../../../../main/electron/runtime-serve.js';
import { MAX_PNG_BASE64_CHARS, silentLog, type SyncLog } from '../../../../main/runtime/sync/index.js';
import { FakeChildProcess, FakeImage } from '../../../support/fake-electron.js';
import { ManualTime } from '../../../support/manual-time.js';
import { useTempDir } from '../../../support/temp.js';
import { testRuntime, useShell, type TestRuntime } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

function recordingLog(): SyncLog & { lines: string[] } {
  const lines: string[] = [];
  const add = (_details: object, message: string) => lines.push(message);
  return { lines, debug: add, info: add, warn: add, error: add };
}

function supervised() {
  const time = new ManualTime();
  const children: FakeChildProcess[] = [];
  const runtimes: TestRuntime[] = [];
  const exits: (() => void)[] = [];
  const shell = { quits: 0 };
  const log = recordingLog();
  const supervisor = superviseRuntime({
    fork: () => {
      const child = new FakeChildProcess('/runtime-process.js', [], undefined);
      const runtime = testRuntime();
      children.push(child);
      runtimes.push(runtime);
      serveRuntime({
        port: child.port,
        log: silentLog,
        exit: (code) => {
          child.exit(code);
        },
        start: (_commands, exitKiosk) => {
          exits.push(exitKiosk);
          return Promise.resolve(runtime);
        },
      });
      return child;
    },
    shell: {
      reload: () => Promise.resolve(),
      restart: () => Promise.resolve(),
      screenshot: () => Promise.resolve(''),
      quit: () => {
        shell.quits++;
      },
    },
    log,
    timers: time,
    now: () => time.now,
  });
  return { time, children, runtimes, exits, shell, supervisor, log };
}

describe('nextRestartDelayMs', () => {
  it('doubles up to 30 s while the runtime dies young, and starts over after a healthy minute', () => {
    let delay: number | undefined;
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) seen.push((delay = nextRestartDelayMs(delay, 5000)));
    expect(seen).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(nextRestartDelayMs(30000, 60_000)).toBe(1000);
  });
});

describe('the runtime supervisor', () => {
  it('answers calls through the runtime process, and restarts it with backoff when it exits', async () => {
    const { time, children, supervisor } = supervised();
    await time.advance(0);
    expect(supervisor.running).toBe(true);
    expect(await supervisor.dispatch('catalog.search', { text: 'boot' })).toMatchObject({ ok: true });

    children[0]!.exit(139);
    await time.advance(0);
    expect(supervisor.running).toBe(false);
    expect(await supervisor.dispatch('catalog.search', { text: 'boot' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    await time.advance(999);
    expect(children).toHaveLength(1);
    await time.advance(1);
    expect(children).toHaveLength(2);
    expect(supervisor.running).toBe(true);

    // Dying young again: 2 s. After a healthy minute: 1 s again.
    children[1]!.exit(1);
    await time.advance(0);
    await time.advance(1999);
    expect(children).toHaveLength(2);
    await time.advance(1);
    expect(children).toHaveLength(3);
    await time.advance(60_000);
    children[2]!.exit(1);
    await time.advance(0);
    await time.advance(1000);
    expect(children).toHaveLength(4);
    expect(await supervisor.dispatch('catalog.search', { text: 'x' })).toMatchObject({ ok: true });
    await supervisor.stop();
  });

  it('answers a call in flight "unavailable" when the process dies under it', async () => {
    const { time, children, supervisor } = supervised();
    await time.advance(0);
    const reply = supervisor.dispatch('catalog.search', { text: 'boot' });
    children[0]!.exit(139);
    expect(await reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await supervisor.stop();
  });

  it('holds reports for the hub until the runtime is up, and stops it for good on stop', async () => {
    const { time, children, runtimes, supervisor } = supervised();
    supervisor.report('shell.safe-page', { display: 0, failures: 6, reason: 'renderer crashed' });
    await time.advance(0);
    expect(runtimes[0]!.reports).toEqual([
      { name: 'shell.safe-page', props: { display: 0, failures: 6, reason: 'renderer crashed' } },
    ]);
    await supervisor.stop();
    expect(runtimes[0]!.stopped).toBe(true);
    expect(children[0]!.exitCode).toBe(0);
    await time.advance(60_000);
    expect(children).toHaveLength(1);
  });

  it('quits the app when the runtime says staff exited the kiosk, and only then', async () => {
    const { time, exits, shell, supervisor, log } = supervised();
    await time.advance(0);
    expect(shell.quits).toBe(0);
    exits[0]!();
    await time.advance(0);
    expect(shell.quits).toBe(1);
    expect(log.lines).toContain('runtime: staff exited the kiosk; quitting the app');
    await supervisor.stop();
  });

  it('refuses a malformed message from the runtime process', async () => {
    const { time, children, shell, supervisor, log } = supervised();
    await time.advance(0);
    children[0]!.port.postMessage({ type: 'reply', id: 'seven', reply: {} });
    await time.advance(0);
    expect(log.lines).toContain('runtime: refused a message from the runtime process');
    // An exit with a field the link does not know is refused too: nothing quits on a garbled message.
    children[0]!.port.postMessage({ type: 'exit', code: 1 });
    await time.advance(0);
    expect(shell.quits).toBe(0);
    expect(supervisor.running).toBe(true);
    await supervisor.stop();
  });
});

describe('fleet commands carried out by the shell', () => {
  it('screenshot: the kiosk window, scaled down until it fits one result', async () => {
    const fixture = await startShell();
    // A full-HD page whose PNG would be ~2 MB: too big for one command result.
    fixture.electron.windows[0]!.webContents.picture = new FakeImage(1920, 1080);
    const png = await fixture.commands().screenshot!();
    const base64 = Buffer.from(png).toString('base64');
    expect(base64.length).toBeLessThanOrEqual(MAX_PNG_BASE64_CHARS);
    // 960 × 540: the largest step that fits.
    expect(PNG.sync.read(Buffer.from(png))).toMatchObject({ width: 960, height: 540 });
  });

  it('reload: every window loads the UI again', async () => {
    const fixture = await startShell();
    await fixture.commands().reload!();
    expect(fixture.electron.windows[0]!.webContents.loads).toEqual([
      'app://vitrine/index.html?display=0',
      'app://vitrine/index.html?display=0',
    ]);
  });

  it('restart: the runtime closes its databases, then the app relaunches', async () => {
    const fixture = await startShell();
    // The runtime process is stopped before the shell answers: the command's promise never settles here.
    void fixture.commands().restart!();
    await fixture.time.advance(0);
    expect(fixture.runtime().stopped).toBe(true);
    expect(fixture.electron.relaunched).toBe(1);
    expect(fixture.electron.exitCodes).toEqual([0]);
    expect(fixture.electron.children).toHaveLength(1);
  });
});

describe('staff exiting the kiosk', () => {
  it('the Electron app quits (main.ts stops the runtime on the way out)', async () => {
    const fixture = await startShell();
    expect(fixture.electron.quits).toBe(0);
    fixture.exitKiosk()();
    await fixture.time.advance(0);
    expect(fixture.electron.quits).toBe(1);
    // Quitting is the app's; the shell does not relaunch or exit hard as a restart would.
    expect(fixture.electron.relaunched).toBe(0);
    expect(fixture.electron.exitCodes).toEqual([]);
  });
});
