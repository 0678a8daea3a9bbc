/**
 * Themes the design tokens (tokens.css) with the device config's branding: its four colours,
 * its font, and whether this is a kiosk or a shop window (bigger targets behind a foil).
 */
import type { KioskInfo } from '../../../shared/bridge/contract.js';

/** The browser parses any CSS colour for us; the channels come back as `rgb(r, g, b)`. */
function rgbOf(color: string, probe: HTMLElement): [number, number, number] | null {
  probe.style.color = '';
  probe.style.color = color;
  if (probe.style.color === '') return null;
  const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(getComputedStyle(probe).color);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever reads better on `background` (WCAG contrast ratio). */
function readableOn(background: string, probe: HTMLElement): string {
  const rgb = rgbOf(background, probe);
  if (rgb === null) return '#ffffff';
  const l = luminance(rgb);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111111';
}

export function applyBranding(info: KioskInfo, root: HTMLElement = document.documentElement): void {
  const { colors, font } = info.branding;
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const set = (name: string, value: string): void => {
    // A colour the browser cannot parse would blank out every derived token: keep the default.
    if (rgbOf(value, probe) !== null) root.style.setProperty(name, value);
  };
  set('--brand-primary', colors.primary);
  set('--brand-accent', colors.accent);
  set('--brand-bg', colors.background);
  set('--brand-text', colors.text);
  root.style.setProperty('--brand-on-primary', readableOn(colors.primary, probe));
  root.style.setProperty('--brand-on-accent', readableOn(colors.accent, probe));
  probe.remove();
  if (font !== undefined && font.trim() !== '') {
    const family = /^[\w -]+$/.test(font) ? `'${font}'` : font;
    root.style.setProperty('--font-brand', `${family}, system-ui, 'Helvetica Neue', Arial, sans-serif`);
  }
  root.dataset.mode = info.device.mode;
  // `lang` and `dir` follow the session's language (i18n/index.ts, setLanguage), not the config.
  document.title = info.branding.name;
}
