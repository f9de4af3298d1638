// When each counted event was produced, by source and ordinal: the k-th event of a source that
// the relay's totals count (follow-ups — closes, case steps — are not counted there, so they
// have no ordinal).
// Kept as runs — one per hand-off to the target, with the running count at its end — so memory
// grows with batches, not with events.
import { isFollowUp, KIND_INFO, perSource, SOURCES, type ProducerEvent, type Source } from '../../relay/contract/index.ts';

interface Runs {
  /** Ordinal of the last event of each run (1-based, ascending). */
  ends: number[];
  /** Epoch ms each run was produced at. */
  times: number[];
}

export class OrdinalLog {
  readonly #runs = perSource((): Runs => ({ ends: [], times: [] }));

  /** The events of one hand-off to the target, produced at `at`. */
  record(events: readonly ProducerEvent[], at: number): void {
    const added = perSource(() => 0);
    for (const event of events) if (!isFollowUp(event)) added[KIND_INFO[event.kind].source]++;
    for (const source of SOURCES) {
      if (added[source] === 0) continue;
      const { ends, times } = this.#runs[source];
      const end = this.produced(source) + added[source];
      if (times[times.length - 1] === at) ends[ends.length - 1] = end;
      else {
        ends.push(end);
        times.push(at);
      }
    }
  }

  /** How many counted events of `source` have been produced. */
  produced(source: Source): number {
    const { ends } = this.#runs[source];
    return ends[ends.length - 1] ?? 0;
  }

  /**
   * Calls `visit(producedAt, count)` for the events with ordinals in (from, to], run by run;
   * ordinals beyond what was produced are left out.
   */
  forEachRun(source: Source, from: number, to: number, visit: (producedAt: number, count: number) => void): void {
    const { ends, times } = this.#runs[source];
    // The first run that ends after `from`.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) <= from) lo = mid + 1;
      else hi = mid;
    }
    let done = from;
    for (let i = lo; i < ends.length && done < to; i++) {
      const end = Math.min(ends[i] as number, to);
      visit(times[i] as number, end - done);
      done = end;
    }
  }
}
