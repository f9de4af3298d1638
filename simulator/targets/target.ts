// Where a run's events go. The file target writes NDJSON; live targets (Kafka, the embedded bus)
// implement the same interface and ask for wall-clock timestamps.
import type { ProducerEvent } from '../../relay/contract/index.ts';

export interface Target {
  /** How summaries and reports name it, e.g. `out.ndjson` or `stdout`. */
  readonly name: string;
  /** `historical`: events keep their timestamps; `live`: they are re-stamped on the wall clock. */
  readonly timestamps: 'historical' | 'live';
  /** Sends a batch in order; resolves when the target can take more (backpressure). */
  send(events: readonly ProducerEvent[]): Promise<void>;
  /** Flushes and releases the target. */
  close(): Promise<void>;
  /** Stretches when the target did not take events and the run waited (Kafka down); none for a file. */
  outages?(): readonly Outage[];
}

export interface Outage {
  /** Epoch ms of the first failed attempt and of the attempt that got through. */
  from: number;
  to: number;
  /** The last error seen meanwhile, one line. */
  error: string;
}
