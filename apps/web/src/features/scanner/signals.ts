/** The four kinds of answer a scan gets; each has its colour, sound, vibration and words. */
export type Tone = 'ok' | 'already' | 'error' | 'queued';

/** Beeps (Hz, ms) per tone: one high for in, two middle for already, a long low buzz for no, one soft for saved. */
const BEEPS: Record<Tone, Array<[number, number]>> = {
  ok: [[1046, 140]],
  already: [
    [660, 110],
    [660, 110],
  ],
  error: [[196, 450]],
  queued: [[523, 90]],
};
/** navigator.vibrate patterns (ms on, off, on...). */
const VIBRATION: Record<Tone, number[]> = {
  ok: [80],
  already: [80, 80, 80],
  error: [400],
  queued: [40],
};

let audio: AudioContext | null = null;

/**
 * Browsers start an AudioContext only after a tap or a key: the page calls this from its first
 * pointerdown/keydown (and the camera button), so later scans can beep.
 */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
}

function beep(tone: Tone): void {
  if (!audio || audio.state !== 'running') return;
  let at = audio.currentTime;
  for (const [hz, ms] of BEEPS[tone]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = tone === 'error' ? 'square' : 'sine';
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.25, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + ms / 1000);
    at += ms / 1000 + 0.06;
  }
}

/** Sound and vibration for one answer (colour and words are the page's). */
export function signal(tone: Tone): void {
  beep(tone);
  try {
    navigator.vibrate?.(VIBRATION[tone]);
  } catch {
    // vibration is a bonus
  }
}
