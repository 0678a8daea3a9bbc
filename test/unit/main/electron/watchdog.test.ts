/**
 * The watchdog on a hand-moved clock: a failed page is reloaded after 1, 2, 4, 8, 16 s; the sixth
 * failure within ten minutes shows the safe page and tells the hub once; ten calm minutes later
 * the UI is tried again with the quick reloads restored. A hung page is ended and reloaded, counted
 * once. Failures spread over more than ten minutes never reach the safe page.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCHDOG_POLICY, RendererWatchdog } from '../../../../main/electron/renderer-watchdog.js';
import { useTempDir } from '../../../support/temp.js';
import { useShell } from './shell-fixture.js';

const tempDir = useTempDir();
const startShell = useShell(tempDir);

const UI = 'app://vitrine/index.html?display=0';
const SAFE = 'app://vitrine/shell/safe.html?display=0';

describe('RendererWatchdog', () => {
  it('doubles the wait, then chooses the safe page at the sixth failure in ten minutes', () => {
    const watchdog = new RendererWatchdog();
    const decisions = [0, 1, 2, 3, 4].map((i) => watchdog.failed(i * 1000));
    expect(decisions.map((d) => [d.action, d.delayMs])).toEqual([
      ['reload', 1000],
      ['reload', 2000],
      ['reload', 4000],
      ['reload', 8000],
      ['reload', 16000],
    ]);
    expect(watchdog.failed(5000)).toEqual({
      action: 'safe-page',
      delayMs: 0,
      failuresInWindow: 6,
      report: true,
    });
    expect(watchdog.onSafePage).toBe(true);
    // The safe page failing again is reloaded slowly and not reported twice.
    expect(watchdog.failed(6000)).toMatchObject({ action: 'safe-page', report: false });
    expect(watchdog.retryAt()).toBe(6000 + DEFAULT_WATCHDOG_POLICY.calmMs);
    expect(watchdog.tryRecover(6000 + DEFAULT_WATCHDOG_POLICY.calmMs - 1)).toBe(false);
    expect(watchdog.tryRecover(6000 + DEFAULT_WATCHDOG_POLICY.calmMs)).toBe(true);
    expect(watchdog.failed(700_000)).toMatchObject({ action: 'reload', delayMs: 1000 });
  });

  it('forgets failures older than ten minutes', () => {
    const watchdog = new RendererWatchdog();
    for (let i = 0; i < 20; i++) {
      const decision = watchdog.failed(i * 3 * 60_000);
      expect(decision.action).toBe('reload');
      expect(decision.failuresInWindow).toBeLessThanOrEqual(4);
    }
  });
});

describe('a kiosk window under the watchdog', () => {
  it('reloads with backoff, shows the safe page at the sixth crash, reports it, and recovers after calm', async () => {
    const { electron, time, runtime } = await startShell();
    const contents = electron.windows[0]!.webContents;
    expect(contents.loads).toEqual([UI]);

    for (const delay of [1000, 2000, 4000, 8000, 16000]) {
      const before = contents.loads.length;
      contents.crash('crashed');
      await time.advance(delay - 1);
      expect(contents.loads.length, `no reload before ${String(delay)} ms`).toBe(before);
      await time.advance(1);
      expect(contents.loads.length).toBe(before + 1);
      expect(contents.loads.at(-1)).toBe(UI);
    }
    expect(runtime().reports).toEqual([]);

    contents.crash('oom');
    await time.advance(0);
    expect(contents.loads.at(-1)).toBe(SAFE);
    expect(runtime().reports).toEqual([
      { name: 'shell.safe-page', props: { display: 0, failures: 6, reason: 'renderer oom (exit code 139)' } },
    ]);

    await time.advance(DEFAULT_WATCHDOG_POLICY.calmMs - 1);
    expect(contents.loads.at(-1)).toBe(SAFE);
    await time.advance(1);
    expect(contents.loads.at(-1)).toBe(UI);

    // Quick reloads again, and no second report for a new single failure.
    contents.crash('crashed');
    await time.advance(1000);
    expect(contents.loads.at(-1)).toBe(UI);
    expect(runtime().reports).toHaveLength(1);
  });

  it("leaves the safe page when the fleet's reload asks for the UI", async () => {
    const { electron, time, commands } = await startShell();
    const contents = electron.windows[0]!.webContents;
    for (let i = 0; i < 6; i++) {
      contents.crash('crashed');
      await time.advance(20_000);
    }
    expect(contents.loads.at(-1)).toBe(SAFE);
    await commands().reload!();
    expect(contents.loads.at(-1)).toBe(UI);
    // Counting starts afresh: the next failure is a quick reload, not the safe page.
    contents.crash('crashed');
    await time.advance(1000);
    expect(contents.loads.at(-1)).toBe(UI);
  });

  it('ends a page that stays unresponsive and reloads it, counting one failure', async () => {
    const { electron, time } = await startShell();
    const window = electron.windows[0]!;
    const contents = window.webContents;
    window.emit('unresponsive');
    await time.advance(5000);
    window.emit('responsive');
    await time.advance(60_000);
    expect(contents.crashedOnPurpose).toBe(0);
    expect(contents.loads).toHaveLength(1);

    window.emit('unresponsive');
    await time.advance(10_000);
    expect(contents.crashedOnPurpose).toBe(1);
    // One failure (1 s), not two (which would wait 2 s).
    await time.advance(1000);
    expect(contents.loads).toEqual([UI, UI]);
  });

  it('ignores a renderer that exits cleanly (the app closing)', async () => {
    const { electron, time } = await startShell();
    const contents = electron.windows[0]!.webContents;
    contents.crash('clean-exit');
    await time.advance(120_000);
    expect(contents.loads).toEqual([UI]);
  });
});

describe('the safe page', () => {
  it('shows the last good picture of its display, taken after a healthy minute', async () => {
    const fixture = await startShell();
    const contents = fixture.electron.windows[0]!.webContents;
    await fixture.time.advance(60_000);
    for (let i = 0; i < 6; i++) {
      contents.crash('crashed');
      await fixture.time.advance(20_000);
    }
    expect(contents.loads.at(-1)).toBe(SAFE);
    const handler = fixture.electron.protocolHandlers.get('app')!;
    const page = await (await handler(new Request(SAFE))).text();
    expect(page).toContain('<img class="last" src="/shell/last-good-0.png" alt="">');
    const picture = await handler(new Request('app://vitrine/shell/last-good-0.png'));
    expect(picture.status).toBe(200);
    expect(
      Buffer.from(await picture.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});
