/** The Web Speech API's speechSynthesis behind speech-service.ts's port. */
import type { SynthesisPort } from './speech-service.js';

/** Null where the browser has no speech synthesis (the menu then says speech is unavailable). */
export function browserSynthesis(win: Window & typeof globalThis = window): SynthesisPort | null {
  // Typed as always there, but absent in some builds and policies.
  const synth = (win as Partial<Pick<Window, 'speechSynthesis'>>).speechSynthesis;
  if (
    synth === undefined ||
    typeof (win as Partial<typeof globalThis>).SpeechSynthesisUtterance !== 'function'
  )
    return null;
  // Chromium drops utterances nobody references before they end, and their `end` never fires:
  // hold each one until it has.
  const live = new Set<SpeechSynthesisUtterance>();
  return {
    speak({ text, lang, volume, onEnd }) {
      const utterance = new win.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.volume = volume;
      const end = (): void => {
        if (live.delete(utterance)) onEnd();
      };
      utterance.onend = end;
      utterance.onerror = end;
      live.add(utterance);
      synth.speak(utterance);
    },
    cancel() {
      synth.cancel();
    },
    pause() {
      synth.pause();
    },
    resume() {
      synth.resume();
    },
  };
}
