// Waiting for a relay to have counted a run: until its totals reach what was sent, and then a
// moment longer, so an event counted twice would show as an overshoot instead of hiding.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Snapshot } from '../../../relay/state/index.ts';
import { getState, waitFor } from '../../integration/support/relays.ts';
import { sum } from './traffic.ts';

const OVERSHOOT_WATCH_MS = 1_500;

export async function settledState(relayUrl: string, expectedTotal: number, timeoutMs = 60_000): Promise<Snapshot> {
  await waitFor(
    `the relay to count ${expectedTotal} events`,
    async () => (sum((await getState(relayUrl)).totals) >= expectedTotal ? true : undefined),
    timeoutMs,
  );
  await sleep(OVERSHOOT_WATCH_MS);
  return getState(relayUrl);
}

/** Seconds from `from` to now, to one decimal. */
export const secondsSince = (from: number) => Math.round((Date.now() - from) / 100) / 10;
