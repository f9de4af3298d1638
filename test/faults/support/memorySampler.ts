// The relay's own memory over a test, from its /metrics (prom-client's process and heap figures),
// sampled in the background so a test can report the peak and compare before with after.
import { metric } from '../../integration/support/relays.ts';

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
}

export interface MemorySampler {
  readonly samples: MemorySample[];
  /** Samples taken in [from, to). */
  between(from: number, to: number): MemorySample[];
  stop(): void;
}

export const MiB = 2 ** 20;

export function sampleRelayMemory(relayUrl: string, everyMs = 500): MemorySampler {
  const samples: MemorySample[] = [];
  const timer = setInterval(() => {
    void Promise.all([metric(relayUrl, 'relay_process_resident_memory_bytes'), metric(relayUrl, 'relay_nodejs_heap_size_used_bytes')]).then(
      ([rss, heapUsed]) => samples.push({ at: Date.now(), rss, heapUsed }),
      // A relay being killed or restarted does not answer for a moment.
      () => undefined,
    );
  }, everyMs);
  return {
    samples,
    between: (from, to) => samples.filter((s) => s.at >= from && s.at < to),
    stop: () => clearInterval(timer),
  };
}

export const peak = (samples: readonly MemorySample[], field: 'rss' | 'heapUsed') => Math.max(...samples.map((s) => s[field]));
/** What survives collection: the least heap seen in the samples. */
export const floor = (samples: readonly MemorySample[]) => Math.min(...samples.map((s) => s.heapUsed));
