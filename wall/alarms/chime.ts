// The optional alarm chime: a short two-tone WebAudio beep, one per newly raised card, never
// more often than MIN_GAP_MS (a storm rings once, not thirty times). Off unless asked for.
//
// Chromium lets an AudioContext play only after a user gesture: the C key is one; with
// `?chime=1` alone a kiosk needs `--autoplay-policy=no-user-gesture-required`.

export const CHIME_MIN_GAP_MS = 3_000;

/** Whether a chime may sound at `now` after the last one at `lastAt` (null: never rang). */
export function chimeDue(lastAt: number | null, now: number, minGapMs = CHIME_MIN_GAP_MS): boolean {
  return lastAt === null || now - lastAt >= minGapMs;
}

const TONES_HZ = [880, 660] as const;
const TONE_S = 0.18;
const VOLUME = 0.2;

let context: AudioContext | null = null;

/** Plays the chime; quietly nothing where the page may not play sound. */
export function playChime(): void {
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const start = context.currentTime;
  TONES_HZ.forEach((hz, i) => {
    if (!context) return;
    const at = start + i * TONE_S;
    const oscillator = new OscillatorNode(context, { type: 'sine', frequency: hz });
    const gain = new GainNode(context, { gain: 0 });
    // A quick fade in and out: a hard edge clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + TONE_S);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + TONE_S);
  });
}
