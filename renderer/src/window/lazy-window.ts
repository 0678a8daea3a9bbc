/** The shop window's screens load only on a device in window mode: a kiosk never downloads them. */
import { lazy } from 'react';

export const WindowSession = lazy(() =>
  import('./WindowSession.js').then((m) => ({ default: m.WindowSession })),
);
