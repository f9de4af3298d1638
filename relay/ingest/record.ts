// What any event source (Kafka, the embedded bus) hands the ingest: raw records, unvalidated,
// with where they came from. The same ingest code serves both sources.

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

export interface EventSource {
  /** Starts delivering records to the handler; resolves once consuming has begun. */
  start(handler: RecordHandler): Promise<void>;
  /** Resolves once everything that was in the topics at start has been delivered. */
  readonly caughtUp: Promise<void>;
  /** When the upstream last answered (epoch ms); null if it never has. */
  lastContact(): number | null;
  stop(): Promise<void>;
}
