// What the relay writes to the dead-letter topic for a refused message: why, where it came from,
// and the original value (cut to a sane size) so an operator can find and fix the producer.
import type { RejectReason } from '../contract/index.ts';
import type { SkipReason } from './batchGuard.ts';
import type { IngestRecord, SkippedBatch } from './record.ts';

/** Characters of the original value kept; the full size is given beside it. */
export const DEAD_LETTER_VALUE_CHARS = 2048;

export interface DeadLetter {
  /** topic:partition:offset of the original, so copies (a rebuild, several relays) can be told apart. */
  key: string;
  value: string;
}

export interface DeadLetterBody {
  reason: RejectReason | SkipReason;
  detail: string;
  topic: string;
  partition: number;
  offset: string;
  /** A skipped record batch: its last offset and how many records it held (none else has them). */
  lastOffset?: string;
  records?: number;
  /** The original message's timestamp, ISO-8601 (null if it had none usable). */
  timestamp: string | null;
  /** The original value as text: UTF-8, or base64 when its bytes are not UTF-8; null for a tombstone. */
  value: string | null;
  valueEncoding: 'utf8' | 'base64';
  /** Size of the original value: bytes from Kafka, UTF-16 units from the bus. */
  valueSize: number;
  truncated: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function originalText(value: Uint8Array | string): { text: string; encoding: 'utf8' | 'base64' } {
  if (typeof value === 'string') return { text: value, encoding: 'utf8' };
  try {
    return { text: strictUtf8.decode(value), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'), encoding: 'base64' };
  }
}

// Date's own range; a producer may stamp any 64-bit value.
const MAX_DATE_MS = 8.64e15;

function isoTime(epochMs: number): string | null {
  return Math.abs(epochMs) <= MAX_DATE_MS ? new Date(epochMs).toISOString() : null;
}

export function deadLetterOf(record: IngestRecord, reason: RejectReason, detail: string): DeadLetter {
  const { topic, partition, offset, timestamp, value } = record;
  const original = value === null ? null : originalText(value);
  const body: DeadLetterBody = {
    reason,
    detail,
    topic,
    partition,
    offset,
    timestamp: isoTime(timestamp),
    value: original === null ? null : original.text.slice(0, DEAD_LETTER_VALUE_CHARS),
    valueEncoding: original?.encoding ?? 'utf8',
    valueSize: value === null ? 0 : typeof value === 'string' ? value.length : value.byteLength,
    truncated: original !== null && original.text.length > DEAD_LETTER_VALUE_CHARS,
  };
  return { key: `${topic}:${partition}:${offset}`, value: JSON.stringify(body) };
}

/**
 * A record batch the relay moved past unread: no value to keep (its bytes could not be read),
 * but the offsets, so an operator can fetch it with another client.
 */
export function skippedBatchLetter(batch: SkippedBatch): DeadLetter {
  const { topic, partition, firstOffset, lastOffset } = batch;
  const body: DeadLetterBody = {
    reason: batch.reason,
    detail: `record batch ${firstOffset}–${lastOffset} (${batch.records} records) skipped: ${batch.detail}`,
    topic,
    partition,
    offset: firstOffset,
    lastOffset,
    records: batch.records,
    timestamp: isoTime(batch.maxTimestamp),
    value: null,
    valueEncoding: 'utf8',
    valueSize: batch.bytes,
    truncated: false,
  };
  return { key: `${topic}:${partition}:${firstOffset}-${lastOffset}`, value: JSON.stringify(body) };
}

/** Where dead letters go; writing never blocks or throws (a full queue drops and counts). */
export interface DeadLetterSink {
  write(letters: readonly DeadLetter[]): void;
  /** Sends what is queued; resolves when done or given up. */
  close(): Promise<void>;
}
