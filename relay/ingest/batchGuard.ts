// kafkajs decodes a fetch response whole: one record batch it cannot decode (a codec it lacks,
// bytes corrupted on disk) throws out of the decoding of every partition that broker answered
// for, with an error that names neither partition nor offset. The consumer crashes, restarts and
// fetches the same batch again, forever, and nothing behind it is ever read.
//
// So the decoding of fetch responses (versions 4–11, all kafkajs speaks to a broker ≥ 0.11) is
// replaced here by the same decoding done one record batch at a time, with kafkajs's own
// decoders. A batch that fails becomes one marker message at the batch's last offset, carrying
// why and which offsets: it flows through kafkajs like any message (aborted-transaction filtering
// included), and the relay dead-letters it and moves past. A first batch cut short because it is
// larger than the fetch allowed becomes a marker too, which the relay skips only if it persists.
// kafkajs keeps one copy of these modules per process, so importing this module guards every
// consumer in it; kafkajs is pinned, and test/unit/relay/batchGuard.test.ts checks its layout.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Why a batch was not delivered; the label of relay_batches_skipped_total. */
export const SKIP_REASONS = ['unsupported_codec', 'corrupt', 'undecodable', 'too_large'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedBatchInfo {
  reason: SkipReason;
  /** One line: what failed. */
  detail: string;
  /** Kafka offsets travel as decimal strings (64-bit). */
  firstOffset: string;
  lastOffset: string;
  /** Records the batch holds, by its header. */
  records: number;
  /** The batch's size in bytes, by its header. */
  bytes: number;
  /** The batch's newest record time (its header's max timestamp), epoch ms. */
  maxTimestamp: number;
}

const SKIPPED = Symbol('skipped record batch');

/** The marker's details, for a message that stands for a batch that could not be delivered. */
export function skippedBatchOf(message: object): SkippedBatchInfo | null {
  return (message as { [SKIPPED]?: SkippedBatchInfo })[SKIPPED] ?? null;
}

// kafkajs internals: the byte reader, the record-batch and legacy message-set decoders, crc32c.
interface KafkaDecoder {
  offset: number;
  readInt16(): number;
  readInt32(): number;
  readInt64(): { toString(): string };
  readString(): string;
  readBytes(length: number): Buffer;
  canReadBytes(length: number): boolean;
  readArray<T>(reader: (decoder: KafkaDecoder) => T): T[];
  readArrayAsync<T>(reader: (decoder: KafkaDecoder) => Promise<T>): Promise<T[]>;
}
type DecoderClass = new (buffer: Buffer) => KafkaDecoder;
type Message = Record<string, unknown>;
interface FetchResponseModule {
  decode(rawData: Buffer): Promise<unknown>;
}

const KAFKAJS = 'kafkajs/src/protocol';
const Decoder = require(`${KAFKAJS}/decoder.js`) as DecoderClass;
const decodeRecordBatch = require(`${KAFKAJS}/recordBatch/v0/decoder.js`) as (decoder: KafkaDecoder) => Promise<{ records: Message[] }>;
const decodeMessageSet = require(`${KAFKAJS}/messageSet/decoder.js`) as (decoder: KafkaDecoder, size: number) => Promise<Message[]>;
const crc32c = require(`${KAFKAJS}/recordBatch/crc32C/index.js`) as (buffer: Buffer) => number;

// A v2 record batch's header (Kafka's DefaultRecordBatch), byte offsets from its start.
const BATCH = {
  firstOffset: 0,
  length: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  firstTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  firstSequence: 53,
  recordCount: 57,
  headerBytes: 61,
} as const;
/** The bytes before those that `length` counts: firstOffset and length. */
const LOG_OVERHEAD = 12;
const MAGIC_V2 = 2;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;
const LOG_APPEND_TIME = 0x08;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.split('\n', 1)[0] ?? '').slice(0, 200);
}

/** A message standing for the batch at `at` in `bytes`, at the batch's last offset. */
function marker(bytes: Buffer, at: number, reason: SkipReason, detail: string): Message {
  const firstOffset = bytes.readBigInt64BE(at + BATCH.firstOffset);
  const lastOffsetDelta = bytes.readInt32BE(at + BATCH.lastOffsetDelta);
  const attributes = bytes.readInt16BE(at + BATCH.attributes);
  const maxTimestamp = bytes.readBigInt64BE(at + BATCH.maxTimestamp).toString();
  const lastOffset = (firstOffset + BigInt(lastOffsetDelta)).toString();
  const info: SkippedBatchInfo = {
    reason,
    detail,
    firstOffset: firstOffset.toString(),
    lastOffset,
    records: bytes.readInt32BE(at + BATCH.recordCount),
    bytes: LOG_OVERHEAD + bytes.readInt32BE(at + BATCH.length),
    maxTimestamp: Number(maxTimestamp),
  };
  const isControlBatch = (attributes & CONTROL) !== 0;
  return {
    magicByte: MAGIC_V2,
    attributes,
    timestamp: maxTimestamp,
    offset: lastOffset,
    key: null,
    value: null,
    headers: {},
    isControlRecord: isControlBatch,
    // What kafkajs's filters read: aborted transactions by producer, control batches.
    batchContext: {
      firstOffset: info.firstOffset,
      firstTimestamp: bytes.readBigInt64BE(at + BATCH.firstTimestamp).toString(),
      partitionLeaderEpoch: bytes.readInt32BE(at + BATCH.partitionLeaderEpoch),
      inTransaction: (attributes & TRANSACTIONAL) !== 0,
      isControlBatch,
      lastOffsetDelta,
      producerId: bytes.readBigInt64BE(at + BATCH.producerId).toString(),
      producerEpoch: bytes.readInt16BE(at + BATCH.producerEpoch),
      firstSequence: bytes.readInt32BE(at + BATCH.firstSequence),
      maxTimestamp,
      timestampType: (attributes & LOG_APPEND_TIME) !== 0 ? 1 : 0,
    },
    [SKIPPED]: info,
  };
}

/** Why a complete batch failed to decode: its checksum tells corruption from the rest. */
function reasonOf(batch: Buffer, error: unknown): SkipReason {
  if (crc32c(batch.subarray(BATCH.attributes)) !== batch.readUInt32BE(BATCH.crc)) return 'corrupt';
  return error instanceof Error && error.name === 'KafkaJSNotImplemented' ? 'unsupported_codec' : 'undecodable';
}

/** A partition's record set: kafkajs's decodeMessages, but one batch's failure is that batch's alone. */
export async function decodeRecordSet(decoder: KafkaDecoder): Promise<Message[]> {
  const size = decoder.readInt32();
  if (size <= 0 || !decoder.canReadBytes(size)) return [];
  const bytes = decoder.readBytes(size);
  if (bytes.length <= BATCH.magic || bytes.readInt8(BATCH.magic) !== MAGIC_V2) {
    // The message formats before Kafka 0.11, as kafkajs reads them.
    return decodeMessageSet(new Decoder(bytes), size);
  }
  const messages: Message[] = [];
  for (let at = 0; bytes.length - at >= BATCH.headerBytes; ) {
    const end = at + LOG_OVERHEAD + bytes.readInt32BE(at + BATCH.length);
    if (end > bytes.length) {
      // The fetch's size limit cut it: normal after the first batch (the rest comes next fetch);
      // as the first, the batch is larger than the fetch allows.
      if (at === 0) messages.push(marker(bytes, at, 'too_large', `a ${end} byte batch in a ${bytes.length} byte fetch`));
      break;
    }
    const batch = bytes.subarray(at, end);
    try {
      const { records } = await decodeRecordBatch(new Decoder(batch));
      for (const record of records) messages.push(record);
    } catch (error) {
      messages.push(marker(bytes, at, reasonOf(batch, error), firstLine(error)));
    }
    at = end;
  }
  return messages;
}

/** What differs between fetch response versions 4–11 around the record sets. */
interface Layout {
  /** v7+: errorCode and sessionId after the throttle time; v8+: the throttle is the client's to apply. */
  header: 'throttle' | 'session' | 'clientThrottle';
  logStartOffset: boolean;
  preferredReadReplica: boolean;
}

export const LAYOUTS: Readonly<Record<number, Layout>> = {
  4: { header: 'throttle', logStartOffset: false, preferredReadReplica: false },
  5: { header: 'throttle', logStartOffset: true, preferredReadReplica: false },
  6: { header: 'throttle', logStartOffset: true, preferredReadReplica: false },
  7: { header: 'session', logStartOffset: true, preferredReadReplica: false },
  8: { header: 'clientThrottle', logStartOffset: true, preferredReadReplica: false },
  9: { header: 'clientThrottle', logStartOffset: true, preferredReadReplica: false },
  10: { header: 'clientThrottle', logStartOffset: true, preferredReadReplica: false },
  11: { header: 'clientThrottle', logStartOffset: true, preferredReadReplica: true },
};

/** The same object kafkajs's decode of that version returns. */
export function guardedFetchDecode(layout: Layout): (rawData: Buffer) => Promise<unknown> {
  const decodePartition = async (decoder: KafkaDecoder) => {
    const partition: Record<string, unknown> = {
      partition: decoder.readInt32(),
      errorCode: decoder.readInt16(),
      highWatermark: decoder.readInt64().toString(),
      lastStableOffset: decoder.readInt64().toString(),
    };
    // kafkajs's name for the log start offset.
    if (layout.logStartOffset) partition.lastStartOffset = decoder.readInt64().toString();
    partition.abortedTransactions = decoder.readArray((d) => ({
      producerId: d.readInt64().toString(),
      firstOffset: d.readInt64().toString(),
    }));
    if (layout.preferredReadReplica) partition.preferredReadReplica = decoder.readInt32();
    partition.messages = await decodeRecordSet(decoder);
    return partition;
  };
  const decodeResponse = async (decoder: KafkaDecoder) => ({
    topicName: decoder.readString(),
    partitions: await decoder.readArrayAsync(decodePartition),
  });
  return async (rawData) => {
    const decoder = new Decoder(rawData);
    const throttleTime = decoder.readInt32();
    if (layout.header === 'throttle') return { throttleTime, responses: await decoder.readArrayAsync(decodeResponse) };
    const errorCode = decoder.readInt16();
    const sessionId = decoder.readInt32();
    const responses = await decoder.readArrayAsync(decodeResponse);
    // As kafkajs: from v8 the broker has not throttled; the client is to wait.
    if (layout.header === 'session') return { throttleTime, errorCode, sessionId, responses };
    return { throttleTime: 0, clientSideThrottleTime: throttleTime, errorCode, sessionId, responses };
  };
}

/** kafkajs's response module of a fetch version (shared by every consumer in the process). */
export function fetchResponseModule(version: number): FetchResponseModule {
  return require(`kafkajs/src/protocol/requests/fetch/v${version}/response.js`) as FetchResponseModule;
}

for (const [version, layout] of Object.entries(LAYOUTS)) {
  fetchResponseModule(Number(version)).decode = guardedFetchDecode(layout);
}
