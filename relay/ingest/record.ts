// What any event source (Kafka, the embedded bus) hands the ingest: raw records, unvalidated,
// with where they came from, and (Kafka only) the record batches it could not read and moved
// past. The same ingest code serves both sources.
import type { SkippedBatchInfo } from './batchGuard.ts';

export interface IngestRecord {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit, so they travel as decimal strings. */
  offset: string;
  /** The message's own time (Kafka's record timestamp, or when the bus took it), epoch ms. */
  timestamp: number;
  /** Bytes from Kafka, a string from the bus; null for a tombstone. */
  value: Uint8Array | string | null;
}

/** Called with each batch in topic-partition order; must not throw. */
export type RecordHandler = (records: readonly IngestRecord[]) => void;

/** A record batch that could not be read (see batchGuard.ts), where it was. */
export interface SkippedBatch extends SkippedBatchInfo {
  topic: string;
  partition: number;
}

/** Told each batch skipped, once the source has moved past it; must not throw. */
export type SkipHandler = (batch: SkippedBatch) => void;

export interface IngestHandlers {
  records: RecordHandler;
  skipped: SkipHandler;
}

export interface RecordSource {
  /** Starts delivering to the handlers; resolves once consuming has begun. */
  start(handlers: IngestHandlers): Promise<void>;
  /** Resolves once everything that was in the topics at start has been delivered. */
  readonly caughtUp: Promise<void>;
  /** When the upstream last answered (epoch ms); null if it never has. */
  lastContact(): number | null;
  stop(): Promise<void>;
}
