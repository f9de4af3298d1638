// What the replay can be asked to do, and its steps: R in and out, a step back or on (Shift for
// a minute), the oldest frame, back to live. Which key asks for which: wall/keys/keyMap.ts.

export const STEP_MS = 10_000;
export const LONG_STEP_MS = 60_000;

export type ReplayCommand =
  | { kind: 'toggle' }
  | { kind: 'step'; ms: number }
  | { kind: 'oldest' }
  | { kind: 'live' };
