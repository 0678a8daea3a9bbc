/**
 * A shopper's accessibility settings. Each session starts from the config's (kiosk.info
 * `accessibility`); the shopper's changes last until the session ends, and the volume goes back
 * to the config's after use (ADA §707.3 / Section 508 §402.3.1).
 */
import type { AccessibilityInfo } from '../../../shared/bridge/contract.js';

export interface A11ySettings {
  lowReach: boolean;
  highContrast: boolean;
  /** Text size factor, 1 to 2. */
  textScale: number;
  speech: boolean;
  /** Speech volume, 0 to 1. */
  volume: number;
}

/** The text sizes a shopper can pick: 2x is WCAG 1.4.4's "resize text" (technique G178). */
export const TEXT_SCALES: readonly number[] = [1, 1.25, 1.5, 2];

/** The steps offered, with the config's own starting size among them when it is in between. */
export function textScaleSteps(configured: number): number[] {
  return [...new Set([...TEXT_SCALES, configured])].sort((a, b) => a - b);
}

export const VOLUME_STEP = 0.1;
/** "Softer" stops here: quieter is inaudible in a shop, and "off" is the speech switch. */
export const MIN_VOLUME = 0.1;

/** The volume one step softer or louder (never below MIN_VOLUME, unless the config started lower). */
export function stepVolume(volume: number, direction: -1 | 1): number {
  const next = Math.round((volume + direction * VOLUME_STEP) * 100) / 100;
  return direction < 0 ? Math.max(Math.min(volume, MIN_VOLUME), next) : Math.min(1, next);
}

export function initialSettings(info: AccessibilityInfo): A11ySettings {
  return {
    lowReach: info.lowReach,
    highContrast: info.highContrast,
    textScale: Math.min(2, Math.max(1, info.textScale)),
    speech: info.speech,
    volume: Math.min(1, Math.max(0, info.volume)),
  };
}
