/**
 * Debian's Chromium driven by playwright-core, with the flags this machine needs (root, no GPU,
 * nothing phoning home) and a fresh profile per launch. Screenshots go to test-results/screenshots,
 * which CI keeps as artifacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { repoRoot } from './processes.js';

export const CHROMIUM = process.env.VITRINE_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PORTRAIT = { width: 1080, height: 1920 } as const;
export const LANDSCAPE = { width: 1920, height: 1080 } as const;

/** One browser for the test file, closed after it. */
export function useBrowser(): () => Promise<Browser> {
  let browser: Promise<Browser> | undefined;
  afterAll(async () => {
    await (await browser)?.close();
  });
  return () => (browser ??= chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs }));
}

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/**
 * Saves a full-viewport screenshot as test-results/screenshots/<name>.png; returns its path.
 * Transitions are run to their end first, so the picture is the screen as it settles.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}
