/**
 * Speech on the page: what gets focus is read, each new screen or dialog is announced once, and
 * any touch or key press (other than on the speech controls themselves) silences what is being
 * said, since the shopper has moved on (ADA §707.5: speech is interruptible).
 *
 * A "view" is what the shopper is looking at: the topmost modal dialog, or else the screen (the
 * element carrying `data-screen`). A view is announced by its `data-speak-summary` parts (the
 * product screen's name and price), else its screen name and first heading, else its label; a
 * view still loading (`aria-busy`) is announced once it has loaded.
 */
import { describeElement, textOf, type SpeechWord } from './describe-element.js';
import type { Speech } from './speech-service.js';

/** Marks the speech controls (pause, repeat): pressing them must not silence speech. */
export const SPEECH_CONTROL_ATTRIBUTE = 'data-speech-control';

const VIEW_SELECTOR = '[role="dialog"][aria-modal="true"], [role="alertdialog"], [data-screen]';

export interface SpeechPageOptions {
  speech: Speech;
  word: (key: SpeechWord) => string;
  /** A screen's spoken name by its `data-screen` ("Search"); null: its heading says it. */
  screenName: (screen: string) => string | null;
}

/** Phrases read one after the other, each ending in a pause (a full stop, unless it has its own). */
function sentences(parts: readonly (string | null)[]): string {
  return parts
    .map((part) => (part ?? '').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .map((part, i, all) => (i < all.length - 1 && !/[.!?:;…]$/.test(part) ? `${part}.` : part))
    .join(' ');
}

/** Text read as phrases: each line (a block box, see textOf) is one. */
const phrase = (text: string): string => sentences(text.split(/\n+/));

/** The view on top: the last modal dialog in the document, else the last screen. */
export function currentView(doc: Document): Element | null {
  const views = [...doc.querySelectorAll(VIEW_SELECTOR)];
  const dialogs = views.filter((v) => v.matches('[role="dialog"], [role="alertdialog"]'));
  return dialogs.at(-1) ?? views.filter((v) => v.hasAttribute('data-screen')).at(-1) ?? null;
}

export function viewSummary(view: Element, screenName: (screen: string) => string | null): string {
  const parts = [...view.querySelectorAll('[data-speak-summary]')].map((part) => phrase(textOf(part)));
  if (parts.length > 0) return sentences(parts);
  const byId = (attribute: string): string =>
    sentences(
      (view.getAttribute(attribute) ?? '')
        .split(/\s+/)
        .map((id) => view.ownerDocument.getElementById(id))
        .map((target) => (target === null ? '' : phrase(textOf(target)))),
    );
  const labelled = byId('aria-labelledby');
  if (labelled !== '') return sentences([labelled, byId('aria-describedby')]);
  const screen = view.getAttribute('data-screen');
  const name = screen === null ? null : screenName(screen);
  const heading = view.querySelector('h1');
  const title = heading === null ? '' : phrase(textOf(heading));
  return sentences([name, title === '' && name === null ? view.getAttribute('aria-label') : title]);
}

/** Starts speaking for `doc`; returns the function that stops it. */
export function attachSpeech(doc: Document, options: SpeechPageOptions): () => void {
  const { speech, word, screenName } = options;
  const announced = new WeakSet<Element>();
  // The view last announced, until something in it is focused: that first focus is said after
  // the announcement instead of cutting it off.
  let fresh: Element | null = null;
  // Focus a finger gave a speech control (pause, repeat) is not read: it would replace what is paused.
  let pressed: Element | null = null;

  const isSpeechControl = (target: EventTarget | null): boolean =>
    target instanceof Element && target.closest(`[${SPEECH_CONTROL_ATTRIBUTE}]`) !== null;

  const announce = (): void => {
    const view = currentView(doc);
    if (view === null || announced.has(view) || view.getAttribute('aria-busy') === 'true') return;
    const summary = viewSummary(view, screenName);
    if (summary === '') return;
    announced.add(view);
    fresh = view;
    speech.say(summary);
  };

  const onPointerDown = (event: Event): void => {
    pressed = event.target instanceof Element ? event.target : null;
    if (!isSpeechControl(event.target)) speech.stop();
  };
  const onKeyDown = (event: Event): void => {
    pressed = null;
    if (!isSpeechControl(event.target)) speech.stop();
  };
  const onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (!(target instanceof Element) || target === doc.body) return;
    if (isSpeechControl(target) && pressed !== null && target.contains(pressed)) return;
    // A view focused into before its announcement ran (effects and observers race) is announced first.
    announce();
    const inFresh = fresh?.contains(target) === true;
    fresh = null;
    speech.sayControl(describeElement(target, word), inFresh ? 'queue' : 'interrupt');
  };

  // Views that are already there when speech is turned on are not news.
  const existing = currentView(doc);
  if (existing !== null) announced.add(existing);
  const observer = new MutationObserver(announce);
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'data-screen'],
  });
  doc.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
  doc.addEventListener('keydown', onKeyDown, { capture: true });
  doc.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    doc.removeEventListener('pointerdown', onPointerDown, { capture: true });
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
    doc.removeEventListener('focusin', onFocusIn);
  };
}
