// Starting against an upstream that may not be there yet (Kafka down when the relay starts, or
// started later): try, and after a failure wait and try again, until it works or the relay
// closes. Meanwhile the relay serves its probes and walls, which say the upstream is unavailable.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryingStart<T> {
  /** What the successful attempt gave; null when stopped before any attempt succeeded. */
  readonly result: Promise<T | null>;
  /** No further attempt; resolves once the one in flight (if any) has ended. */
  stop(): Promise<T | null>;
}

export interface RetryOptions {
  /** Wait between a failed attempt and the next: fixed, or by what failed. */
  retryMs: number | ((error: unknown) => number);
  /** Told every failure, with the attempt's number (1 for the first). */
  onFailure(error: unknown, attempt: number): void;
}

export function startWithRetry<T>(attempt: () => Promise<T>, { retryMs, onFailure }: RetryOptions): RetryingStart<T> {
  const stopping = new AbortController();
  const run = async (): Promise<T | null> => {
    for (let n = 1; !stopping.signal.aborted; n++) {
      let wait: number;
      try {
        return await attempt();
      } catch (error) {
        if (stopping.signal.aborted) return null;
        onFailure(error, n);
        wait = typeof retryMs === 'number' ? retryMs : retryMs(error);
      }
      await sleep(wait, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
    return null;
  };
  const result = run();
  return {
    result,
    stop() {
      stopping.abort();
      return result;
    },
  };
}
