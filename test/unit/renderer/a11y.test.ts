/**
 * The renderer's accessibility logic without a page: speech (ADA §707.5: what is focused, never a
 * masked entry, silence when the shopper acts, pause and repeat) against a recording fake of the
 * Web Speech API, and the shopper's settings (text size steps, volume steps, config start).
 */
import { describe, expect, it } from 'vitest';
import {
  initialSettings,
  stepVolume,
  textScaleSteps,
  TEXT_SCALES,
} from '../../../renderer/src/a11y/settings.js';
import {
  Speech,
  spokenText,
  type ControlDescription,
  type SynthesisPort,
  type Utterance,
} from '../../../renderer/src/a11y/speech-service.js';

/** speechSynthesis as far as the service uses it, recording every call; utterances end on `finish`. */
class FakeSynthesis implements SynthesisPort {
  readonly calls: string[] = [];
  readonly spoken: Omit<Utterance, 'onEnd'>[] = [];
  readonly #queue: Utterance[] = [];

  speak(utterance: Utterance): void {
    this.calls.push(`speak ${utterance.text}`);
    this.spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume });
    this.#queue.push(utterance);
  }

  cancel(): void {
    this.calls.push('cancel');
    // Like Chromium: a cancelled utterance still reports its end (as an "interrupted" error).
    for (const utterance of this.#queue.splice(0)) utterance.onEnd();
  }

  pause(): void {
    this.calls.push('pause');
  }

  resume(): void {
    this.calls.push('resume');
  }

  /** The synthesiser finishes the oldest utterance. */
  finishOne(): void {
    this.#queue.shift()?.onEnd();
  }

  get texts(): string[] {
    return this.spoken.map((u) => u.text);
  }
}

function setup(options: { enabled?: boolean; volume?: number; lang?: string } = {}) {
  const synthesis = new FakeSynthesis();
  let lang = options.lang ?? 'en-GB';
  const speech = new Speech({
    synthesis,
    lang: () => lang,
    entryHidden: () => 'entry hidden',
    enabled: options.enabled ?? true,
    volume: options.volume ?? 0.7,
  });
  return {
    synthesis,
    speech,
    setLang: (next: string) => {
      lang = next;
    },
  };
}

const button = (name: string, states: string[] = []): ControlDescription => ({
  name,
  role: 'button',
  states,
  value: null,
  masked: 'none',
});

describe('speech', () => {
  it('reads the focused control: name, role, states, entry; in the UI language at the set volume', () => {
    const { speech, synthesis, setLang } = setup({ volume: 0.6 });
    speech.sayControl(button('Size 42', ['pressed']));
    speech.sayControl({ name: 'Your name', role: 'text field', states: [], value: 'Ada', masked: 'none' });
    setLang('de-DE');
    speech.setVolume(0.9);
    speech.say('Vela Runner. €89.95');
    expect(synthesis.spoken).toEqual([
      { text: 'Size 42, button, pressed', lang: 'en-GB', volume: 0.6 },
      { text: 'Your name, text field, Ada', lang: 'en-GB', volume: 0.6 },
      { text: 'Vela Runner. €89.95', lang: 'de-DE', volume: 0.9 },
    ]);
  });

  it('never speaks a masked entry: a phone field says it holds one, a PIN key says nothing of itself', () => {
    const { speech, synthesis } = setup();
    const phone: ControlDescription = {
      name: 'Phone number',
      role: 'text field',
      states: ['needs correcting'],
      value: '+49 30 1234567',
      masked: 'value',
    };
    speech.sayControl(phone);
    speech.sayControl({ ...button('7'), masked: 'all' });
    speech.sayControl({ ...phone, value: '' });
    expect(synthesis.texts).toEqual([
      'Phone number, text field, needs correcting, entry hidden',
      'entry hidden',
      'Phone number, text field, needs correcting',
    ]);
    expect(synthesis.texts.join(' ')).not.toMatch(/\d/);
    expect(spokenText({ ...button('4'), masked: 'all' }, 'Eingabe verborgen')).toBe('Eingabe verborgen');
  });

  it('a new focus interrupts; a queued one follows what is being said', () => {
    const { speech, synthesis } = setup();
    speech.say('Accessibility. These settings last until you are done.');
    speech.sayControl(button('Controls within reach', ['off']), 'queue');
    expect(synthesis.calls).toEqual([
      'speak Accessibility. These settings last until you are done.',
      'speak Controls within reach, button, off',
    ]);
    speech.sayControl(button('Done'));
    expect(synthesis.calls.slice(2)).toEqual(['cancel', 'speak Done, button']);
  });

  it('stops when the shopper acts, and a cancelled utterance ending late changes nothing', () => {
    const { speech, synthesis } = setup();
    const changes: boolean[] = [];
    speech.subscribe(() => changes.push(speech.state().speaking));
    speech.say('Vela Runner. €89.95');
    expect(speech.state()).toMatchObject({ speaking: true, canRepeat: true });
    speech.stop();
    expect(synthesis.calls.at(-1)).toBe('cancel');
    expect(speech.state()).toMatchObject({ speaking: false, paused: false, canRepeat: true });
    synthesis.finishOne();
    speech.stop(); // Nothing is being said: nothing to cancel.
    expect(synthesis.calls.filter((c) => c === 'cancel')).toHaveLength(1);
    expect(changes).toEqual([true, false]);
  });

  it('pauses and resumes what is being said; stopping a paused one resumes the synthesiser first', () => {
    const { speech, synthesis } = setup();
    speech.pause(); // Nothing to pause.
    speech.say('Still there?');
    speech.pause();
    expect(speech.state()).toMatchObject({ speaking: true, paused: true });
    speech.resume();
    expect(speech.state().paused).toBe(false);
    speech.pause();
    speech.stop();
    expect(synthesis.calls).toEqual(['speak Still there?', 'pause', 'resume', 'pause', 'resume', 'cancel']);
    expect(speech.state()).toMatchObject({ speaking: false, paused: false });
  });

  it('repeats everything said since the last interruption, even after it ended', () => {
    const { speech, synthesis } = setup();
    speech.say('Staff access');
    speech.say('Nearby stores', 'interrupt');
    speech.sayControl(button('Reserve to try on'), 'queue');
    synthesis.finishOne();
    synthesis.finishOne();
    expect(speech.state()).toMatchObject({ speaking: false, canRepeat: true });
    speech.repeat();
    expect(synthesis.texts.slice(-2)).toEqual(['Nearby stores', 'Reserve to try on, button']);
    expect(speech.state().speaking).toBe(true);
  });

  it('says nothing while off; turning off silences it and forgets what repeat would say', () => {
    const { speech, synthesis } = setup({ enabled: false });
    speech.say('Vela Runner');
    speech.repeat();
    expect(synthesis.calls).toEqual([]);
    speech.setEnabled(true);
    speech.say('Vela Runner');
    speech.setEnabled(false);
    expect(synthesis.calls).toEqual(['speak Vela Runner', 'cancel']);
    expect(speech.state()).toEqual({ enabled: false, speaking: false, paused: false, canRepeat: false });
  });

  it('a new session leaves nothing to repeat for the next shopper', () => {
    const { speech } = setup();
    speech.say('Phone number, text field, entry hidden');
    speech.reset();
    expect(speech.state()).toMatchObject({ enabled: true, speaking: false, canRepeat: false });
  });
});

describe('settings', () => {
  const info = {
    lowReach: false,
    highContrast: true,
    textScale: 1.3,
    speech: true,
    volume: 0.65,
    display: null,
  };

  it('a session starts from the config', () => {
    expect(initialSettings(info)).toEqual({
      lowReach: false,
      highContrast: true,
      textScale: 1.3,
      speech: true,
      volume: 0.65,
    });
  });

  it('offers at least two larger text sizes up to 2x, with the config size among them', () => {
    expect(TEXT_SCALES.filter((s) => s > 1).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...TEXT_SCALES)).toBe(2);
    expect(textScaleSteps(1.3)).toEqual([1, 1.25, 1.3, 1.5, 2]);
    expect(textScaleSteps(1.5)).toEqual([1, 1.25, 1.5, 2]);
  });

  it('volume steps by a tenth, never past 1 nor below the softest audible step', () => {
    expect(stepVolume(0.65, 1)).toBe(0.75);
    expect(stepVolume(0.95, 1)).toBe(1);
    expect(stepVolume(0.2, -1)).toBe(0.1);
    expect(stepVolume(0.1, -1)).toBe(0.1);
    // A config that starts quieter is kept, not raised.
    expect(stepVolume(0.05, -1)).toBe(0.05);
  });
});
