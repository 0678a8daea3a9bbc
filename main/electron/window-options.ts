/**
 * The options every kiosk window is created with: a frameless kiosk window filling its display,
 * and the web preferences of Electron's security checklist (docs/tutorial/security.md §2-§4, §9,
 * §10, §13). Pure, so a test reads exactly what Electron would be given.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface KioskWindowInput {
  /** The display's bounds, in screen coordinates: the window is placed on it before kiosk mode. */
  bounds: Rectangle;
  /** The bundled, sandboxed preload (preload.cjs). */
  preload: string;
  /** Production turns DevTools off; a developer run (`--dev`) keeps them reachable. */
  production: boolean;
}

export function kioskWindowOptions(input: KioskWindowInput): BrowserWindowConstructorOptions {
  const { bounds } = input;
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    // Shown at ready-to-show, so no white frame flashes before the first paint.
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    skipTaskbar: true,
    movable: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    // A closed window would leave a display dark until someone restarts the app (Windows, macOS;
    // on Linux the compositor decides, and cage, the kiosk compositor we ship for, has no close).
    closable: false,
    backgroundColor: '#000000',
    title: 'Vitrine',
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would ask for a new window (refused anyway by navigation.ts); none is needed.
      disableBlinkFeatures: 'Auxclick',
      devTools: !input.production,
      spellcheck: false,
      // A dialog (alert, confirm) would wait for a click nobody in front of a kiosk can make sense of.
      disableDialogs: true,
      zoomFactor: 1,
      // The attract loop plays without a touch first, like Chromium's --autoplay-policy flag in the host.
      autoplayPolicy: 'no-user-gesture-required',
      // Each window is always in front on its own display: its timers (idle reset) must never be slowed.
      backgroundThrottling: false,
      disableHtmlFullscreenWindowResize: true,
      enableWebSQL: false,
    },
  };
}
