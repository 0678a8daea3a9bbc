/** The shopper's accessibility settings and speech, for every component of the session. */
import { createContext, use } from 'react';
import type { ReachBand } from '../../../shared/accessibility/reach.js';
import type { A11ySettings } from './settings.js';
import type { Speech, SpeechState } from './speech-service.js';

export interface A11y {
  settings: A11ySettings;
  update: (change: Partial<A11ySettings>) => void;
  /** The config's text size, offered among the steps when it is in between them. */
  configuredTextScale: number;
  /** Null where the browser cannot speak. */
  speech: Speech | null;
  speechState: SpeechState;
  /** The rows within reach while low-reach mode is on; null when it is off. */
  band: ReachBand | null;
  /** Which session this is (App.tsx counts them); settings belong to one. */
  session: number;
  menuOpen: boolean;
  openMenu: () => void;
  closeMenu: () => void;
}

export const A11yContext = createContext<A11y | null>(null);

export function useA11y(): A11y {
  const a11y = use(A11yContext);
  if (a11y === null) throw new Error('useA11y outside AccessibilityProvider');
  return a11y;
}
