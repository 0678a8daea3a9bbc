/**
 * The two pages the shell serves itself, with no script and nothing from the renderer build, so
 * they show even when the UI is what keeps crashing:
 * - the safe page, after the UI failed too often: the last good picture of this display, dimmed,
 *   under a calm "back soon" in the store's colours and language;
 * - the sleep page outside opening hours: black; a touch on it wakes the screen for a while
 *   (staff before opening), by following its one link, which the shell watches for.
 */
import type { KioskConfig } from '../../kiosk-config/index.js';

const BACK_SOON: Readonly<Record<string, { title: string; text: string; rtl?: boolean }>> = {
  en: { title: 'Back soon', text: 'This screen is taking a short break. Our staff are happy to help.' },
  de: {
    title: 'Gleich wieder da',
    text: 'Dieser Bildschirm macht eine kurze Pause. Unser Team hilft Ihnen gern.',
  },
  fr: {
    title: 'De retour bientôt',
    text: 'Cet écran fait une courte pause. Notre équipe est là pour vous aider.',
  },
  es: {
    title: 'Volvemos enseguida',
    text: 'Esta pantalla hace una breve pausa. Nuestro equipo le ayudará con gusto.',
  },
  ar: { title: 'نعود قريبًا', text: 'تأخذ هذه الشاشة استراحة قصيرة. يسعد فريقنا بمساعدتك.', rtl: true },
};

/** Where the sleep page's link goes: the shell sees this navigation and wakes the screen. */
export const WAKE_PATH = '/shell/wake';

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export interface SafePageInput {
  config: Pick<KioskConfig, 'branding' | 'defaultLocale'>;
  /** The URL of this display's last good screenshot, if there is one. */
  lastGoodUrl: string | undefined;
}

export function safePageHtml(input: SafePageInput): string {
  const { branding } = input.config;
  const language = input.config.defaultLocale.split('-')[0] ?? 'en';
  const words = BACK_SOON[language] ?? BACK_SOON.en ?? { title: 'Back soon', text: '' };
  const { background, text, primary } = branding.colors;
  const picture =
    input.lastGoodUrl === undefined ? '' : `<img class="last" src="${escapeHtml(input.lastGoodUrl)}" alt="">`;
  const brand = branding.name === undefined ? '' : `<p class="brand">${escapeHtml(branding.name)}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(input.config.defaultLocale)}"${words.rtl === true ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<title>${escapeHtml(words.title)}</title>
<style>
  html, body { margin: 0; height: 100%; overflow: hidden; background: ${background}; color: ${text};
    font-family: system-ui, sans-serif; cursor: none; user-select: none; }
  .last { position: fixed; inset: 0; width: 100%; height: 100%; object-fit: cover;
    filter: blur(6px) brightness(0.45); transform: scale(1.03); }
  .card { position: fixed; inset: auto 8vmin 12vmin; padding: 6vmin; border-radius: 3vmin;
    background: ${background}e6; border-top: 1.2vmin solid ${primary}; text-align: center; }
  h1 { margin: 0 0 2vmin; font-size: 8vmin; font-weight: 600; }
  p { margin: 0; font-size: 3.6vmin; line-height: 1.4; }
  .brand { margin-top: 3vmin; font-size: 2.8vmin; opacity: 0.7; }
</style>
</head>
<body>${picture}<main class="card"><h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.text)}</p>${brand}</main></body>
</html>
`;
}

export function sleepPageHtml(display: number): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Closed</title>
<style>
  html, body { margin: 0; height: 100%; background: #000; cursor: none; }
  a { position: fixed; inset: 0; }
</style>
</head>
<body><a href="${WAKE_PATH}?display=${String(display)}" aria-label="Wake the screen"></a></body>
</html>
`;
}

/** What a kiosk with an unusable config shows, instead of a black screen nobody can explain. */
export function problemPageHtml(problem: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Vitrine cannot start</title>
<style>
  html, body { margin: 0; height: 100%; background: #111; color: #eee; font-family: system-ui, sans-serif; }
  main { padding: 8vmin; }
  h1 { font-size: 5vmin; margin: 0 0 3vmin; }
  p { font-size: 2.6vmin; line-height: 1.5; max-width: 60em; }
  pre { font-size: 2.2vmin; white-space: pre-wrap; background: #222; padding: 3vmin; border-radius: 1.5vmin; }
</style>
</head>
<body><main>
<h1>This kiosk cannot start: its config needs fixing</h1>
<p>Fix the file below (check it with <code>npx vitrine config validate FILE</code>), then restart the kiosk.</p>
<pre>${escapeHtml(problem)}</pre>
</main></body>
</html>
`;
}
