// Waiting until every wall of the crowd has been shown what was sent: polls its counts until the
// least-served wall has them all, nothing has moved for a while, or time is up — and says which.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Crowd } from './crowd.ts';
import { crowdTotals, type CrowdTotals } from './crowdProtocol.ts';

const POLL_MS = 250;

export interface DeliveryWait {
  /** Counted events every wall must be shown. */
  expected: number;
  timeoutMs: number;
  /** No wall was shown anything new for this long: give up waiting. */
  stillMs: number;
}

export interface Delivered {
  totals: CrowdTotals;
  complete: boolean;
  /** Epoch ms of the last reading. */
  at: number;
}

export async function awaitDelivery(crowd: Crowd, { expected, timeoutMs, stillMs }: DeliveryWait): Promise<Delivered> {
  const deadline = Date.now() + timeoutMs;
  let lastTotal = -1;
  let movedAt = Date.now();
  for (;;) {
    const totals = crowdTotals(await crowd.read());
    const at = Date.now();
    if (totals.leastDelivered >= expected) return { totals, complete: true, at };
    const shown = totals.meanDelivered * totals.walls;
    if (shown !== lastTotal) [lastTotal, movedAt] = [shown, at];
    if (at >= deadline || at - movedAt >= stillMs) return { totals, complete: false, at };
    await sleep(POLL_MS);
  }
}
