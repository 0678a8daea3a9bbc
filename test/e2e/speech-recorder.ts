/**
 * A recording stand-in for speechSynthesis, for end-to-end tests: headless Chromium has no
 * voices, so what the page says is recorded instead (text, language, volume), with the calls to
 * cancel, pause and resume. Utterances never end on their own; `finishSpeech` ends them.
 */
import type { Page } from 'playwright-core';

/** Replaces speechSynthesis before the page loads with a recorder; utterances never end on their own. */
export async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Recorded {
      text: string;
      lang: string;
      volume: number;
    }
    const spoken: Recorded[] = [];
    const queue: SpeechSynthesisUtterance[] = [];
    const counts = { cancel: 0, pause: 0, resume: 0 };
    const end = (utterance: SpeechSynthesisUtterance, type: 'end' | 'error'): void => {
      const event = new Event(type) as SpeechSynthesisEvent;
      if (type === 'end') utterance.onend?.call(utterance, event);
      else utterance.onerror?.call(utterance, event as SpeechSynthesisErrorEvent);
    };
    const synth = {
      speaking: false,
      paused: false,
      pending: false,
      onvoiceschanged: null,
      speak(utterance: SpeechSynthesisUtterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume });
        queue.push(utterance);
      },
      cancel() {
        counts.cancel++;
        for (const utterance of queue.splice(0)) end(utterance, 'error');
      },
      pause() {
        counts.pause++;
      },
      resume() {
        counts.resume++;
      },
      getVoices: () => [],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => true,
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    Object.assign(window, {
      __speech: {
        spoken,
        counts,
        finish: () => {
          for (const utterance of queue.splice(0)) end(utterance, 'end');
        },
      },
    });
  });
}

export interface SpeechRecord {
  spoken: { text: string; lang: string; volume: number }[];
  counts: { cancel: number; pause: number; resume: number };
}

export function speechRecord(page: Page): Promise<SpeechRecord> {
  return page.evaluate(() => {
    const { spoken, counts } = (window as unknown as { __speech: SpeechRecord }).__speech;
    return { spoken: spoken.map((s) => ({ ...s })), counts: { ...counts } };
  });
}

export async function finishSpeech(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __speech: { finish: () => void } }).__speech.finish();
  });
}
