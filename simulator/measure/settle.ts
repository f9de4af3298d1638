// After the last event is acknowledged, the relay may still be consuming: wait until its counts
// match what was sent, or stop changing for a while, or a time limit passes — and say which.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Counted } from './relayCounts.ts';

export type SettleOutcome = 'matched' | 'stable' | 'timeout';

export interface SettleOptions {
  /** The relay's counts since the run began; null when they cannot be told (see countsSince). */
  read(): Promise<Counted | null>;
  matches(counted: Counted): boolean;
  /** Unchanged this long counts as settled. */
  stableMs: number;
  maxMs: number;
  pollMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
}

export interface Settled {
  counted: Counted | null;
  outcome: SettleOutcome;
  waitedMs: number;
}

export async function settle(options: SettleOptions): Promise<Settled> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const started = now();
  let last: string | undefined;
  let changedAt = started;
  for (;;) {
    const counted = await options.read();
    const at = now();
    const done = (outcome: SettleOutcome): Settled => ({ counted, outcome, waitedMs: at - started });
    if (counted && options.matches(counted)) return done('matched');
    const text = JSON.stringify(counted);
    if (text !== last) [last, changedAt] = [text, at];
    else if (at - changedAt >= options.stableMs) return done('stable');
    if (at - started >= options.maxMs) return done('timeout');
    await wait(options.pollMs);
  }
}
