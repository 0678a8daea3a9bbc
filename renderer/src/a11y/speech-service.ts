/**
 * Speech output for shoppers who cannot read the screen (ADA §707.5, Section 508 §402.2): what
 * is focused, what a screen shows, pause and repeat, and silence as soon as the shopper does
 * something else. Masked entries are never spoken, only that there is one. The synthesiser is
 * passed in (browser-speech.ts in the page, a fake in unit tests), so this holds no DOM.
 */

export interface Utterance {
  text: string;
  /** BCP 47 tag of the text: the UI's language. */
  lang: string;
  /** 0 to 1. */
  volume: number;
  /** Called once when the utterance has been spoken, or was cancelled or failed. */
  onEnd: () => void;
}

/** The part of the Web Speech API's speechSynthesis this uses. */
export interface SynthesisPort {
  speak(utterance: Utterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
}

/** A control as speech describes it (describe-element.ts builds one from the DOM). */
export interface ControlDescription {
  /** Its accessible name. */
  name: string;
  /** The role as spoken ("button"), already in the UI's language; null: none worth saying. */
  role: string | null;
  /** Spoken states ("pressed", "checked"), in the UI's language. */
  states: string[];
  /** What was typed into a field; null when it is not a field or is empty. */
  value: string | null;
  /**
   * `value`: the field's entry is secret (phone, email, PIN): its name is spoken, its entry is
   * not. `all`: the control itself gives the entry away (a PIN pad key): nothing of it is spoken.
   */
  masked: 'none' | 'value' | 'all';
}

export interface SpeechState {
  enabled: boolean;
  speaking: boolean;
  paused: boolean;
  /** Something was said that "repeat" can say again. */
  canRepeat: boolean;
}

export interface SpeechOptions {
  synthesis: SynthesisPort;
  /** The UI's language now (document.documentElement.lang in the page). */
  lang: () => string;
  /** "Entry hidden" in the UI's language: what is said instead of a masked entry. */
  entryHidden: () => string;
  enabled?: boolean;
  volume?: number;
}

/** What is said for a control: its name, role, states and entry, with secrets replaced. */
export function spokenText(control: ControlDescription, entryHidden: string): string {
  if (control.masked === 'all') return entryHidden;
  const parts = [control.name, control.role, ...control.states];
  if (control.value !== null && control.value !== '')
    parts.push(control.masked === 'value' ? entryHidden : control.value);
  return parts.filter((part): part is string => part !== null && part.trim() !== '').join(', ');
}

export class Speech {
  readonly #options: SpeechOptions;
  #enabled: boolean;
  #volume: number;
  #paused = false;
  /** Utterances handed to the synthesiser and not yet ended; a cancelled one's late end is ignored. */
  readonly #pending = new Set<number>();
  #nextId = 0;
  /** What was said since the last interruption: "repeat" says it again. */
  #said: string[] = [];
  readonly #listeners = new Set<() => void>();
  #state: SpeechState;

  constructor(options: SpeechOptions) {
    this.#options = options;
    this.#enabled = options.enabled ?? false;
    this.#volume = options.volume ?? 1;
    this.#state = this.#snapshot();
  }

  /** The same object until something changes (for React's useSyncExternalStore). */
  state(): SpeechState {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.#enabled) return;
    this.#enabled = enabled;
    if (!enabled) {
      this.#silence();
      this.#said = [];
    }
    this.#changed();
  }

  /** Applies from the next utterance on (the Web Speech API cannot change one being spoken). */
  setVolume(volume: number): void {
    this.#volume = Math.min(1, Math.max(0, volume));
  }

  /**
   * Speaks `text`. `interrupt` (a new focus, a new screen) silences what was being said first;
   * `queue` adds to it (a control focused as its dialog is announced).
   */
  say(text: string, mode: 'interrupt' | 'queue' = 'interrupt'): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!this.#enabled || clean === '') return;
    if (mode === 'interrupt') {
      this.#silence();
      this.#said = [];
    }
    this.#said.push(clean);
    this.#speak(clean);
    this.#changed();
  }

  sayControl(control: ControlDescription, mode: 'interrupt' | 'queue' = 'interrupt'): void {
    this.say(spokenText(control, this.#options.entryHidden()), mode);
  }

  /** The shopper did something else: stop talking (what was said stays for "repeat"). */
  stop(): void {
    if (this.#pending.size === 0 && !this.#paused) return;
    this.#silence();
    this.#changed();
  }

  pause(): void {
    if (this.#pending.size === 0 || this.#paused) return;
    this.#options.synthesis.pause();
    this.#paused = true;
    this.#changed();
  }

  resume(): void {
    if (!this.#paused) return;
    this.#options.synthesis.resume();
    this.#paused = false;
    this.#changed();
  }

  /** Says again everything said since the last interruption. */
  repeat(): void {
    if (!this.#enabled || this.#said.length === 0) return;
    this.#silence();
    for (const text of this.#said) this.#speak(text);
    this.#changed();
  }

  /** The session ended: silence, and nothing left to repeat for the next shopper. */
  reset(): void {
    this.#silence();
    this.#said = [];
    this.#changed();
  }

  #speak(text: string): void {
    const id = this.#nextId++;
    this.#pending.add(id);
    this.#options.synthesis.speak({
      text,
      lang: this.#options.lang(),
      volume: this.#volume,
      onEnd: () => {
        if (!this.#pending.delete(id)) return;
        if (this.#pending.size === 0) this.#paused = false;
        this.#changed();
      },
    });
  }

  #silence(): void {
    const paused = this.#paused;
    const busy = this.#pending.size > 0 || paused;
    // Forgotten first: the ends cancel() reports for them are then ignored.
    this.#pending.clear();
    this.#paused = false;
    // A paused synthesiser keeps its queue paused after cancel() in Chromium: resume first.
    if (paused) this.#options.synthesis.resume();
    if (busy) this.#options.synthesis.cancel();
  }

  #snapshot(): SpeechState {
    return {
      enabled: this.#enabled,
      speaking: this.#pending.size > 0,
      paused: this.#paused,
      canRepeat: this.#enabled && this.#said.length > 0,
    };
  }

  #changed(): void {
    const next = this.#snapshot();
    const previous = this.#state;
    if (
      next.enabled === previous.enabled &&
      next.speaking === previous.speaking &&
      next.paused === previous.paused &&
      next.canRepeat === previous.canRepeat
    )
      return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}
