// The batch-by-batch decoding of fetch responses, on record batches written by kafkajs's own
// encoder: what decodes is delivered as kafkajs would deliver it; a batch that does not (a codec
// left out, corrupt bytes, content that is not records) becomes one marker with its offsets and
// why; a first batch cut short by the fetch's size is marked too large, a later one is left for
// the next fetch. And the guard sits in every fetch response version kafkajs speaks.
import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { LAYOUTS, decodeRecordSet, fetchResponseModule, guardedFetchDecode, skippedBatchOf } from '../../../relay/ingest/batchGuard.ts';
import '../../../kafka/codecs.ts';

const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch(options: object): Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (options: object) => unknown;
const Long = require('kafkajs/src/utils/long.js') as { fromNumber(n: number): unknown };
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => Parameters<typeof decodeRecordSet>[0];
const fetchVersions = require('kafkajs/src/protocol/requests/fetch/index.js') as { versions: string[] };
const { CompressionCodecs, CompressionTypes } = kafkajs;

async function batch(firstOffset: number, values: string[], compression: number = CompressionTypes.None): Promise<Buffer> {
  const records = values.map((value, i) => Record({ offsetDelta: i, value: Buffer.from(value), key: null }));
  const encoded = await RecordBatch({ compression, firstOffset: Long.fromNumber(firstOffset), lastOffsetDelta: values.length - 1, records });
  return encoded.buffer;
}

/** A partition's record set as a fetch response carries it: its size, then the batches. */
function recordSet(...batches: Buffer[]): Buffer {
  const body = Buffer.concat(batches);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

const decode = (bytes: Buffer) => decodeRecordSet(new Decoder(bytes));
const offsets = (messages: object[]) => messages.map((m) => (skippedBatchOf(m) ? `skip@${(m as { offset: string }).offset}` : (m as { offset: string }).offset));
const values = ['a', 'b', 'c'];

describe('decoding record batches one at a time', () => {
  it('delivers every record of batches that decode, compressed with any codec', async () => {
    const set = recordSet(await batch(0, values), await batch(3, values, CompressionTypes.LZ4), await batch(6, values, CompressionTypes.ZSTD));
    const messages = await decode(set);
    expect(offsets(messages)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(messages.map((m) => String((m as { value: Buffer }).value))).toEqual([...values, ...values, ...values]);
  });

  it('marks a batch with a codec left out, and reads on past it', async () => {
    const set = recordSet(await batch(0, values), await batch(3, values, CompressionTypes.LZ4), await batch(6, values));
    const lz4 = CompressionCodecs[CompressionTypes.LZ4];
    CompressionCodecs[CompressionTypes.LZ4] = () => {
      throw Object.assign(new Error('LZ4 compression not implemented'), { name: 'KafkaJSNotImplemented' });
    };
    try {
      const messages = await decode(set);
      expect(offsets(messages)).toEqual(['0', '1', '2', 'skip@5', '6', '7', '8']);
      expect(skippedBatchOf(messages[3]!)).toMatchObject({ reason: 'unsupported_codec', firstOffset: '3', lastOffset: '5', records: 3 });
      expect(skippedBatchOf(messages[3]!)?.detail).toBe('KafkaJSNotImplemented: LZ4 compression not implemented');
    } finally {
      CompressionCodecs[CompressionTypes.LZ4] = lz4;
    }
  });

  it('tells a corrupt batch (its checksum fails) from one whose content is not records', async () => {
    const corrupt = await batch(3, values, CompressionTypes.GZIP);
    corrupt[corrupt.length - 12]! ^= 0xff;
    const snappy = CompressionCodecs[CompressionTypes.Snappy];
    // A "codec" that writes garbage: the checksum holds, the content does not decode.
    CompressionCodecs[CompressionTypes.Snappy] = () => ({ compress: async () => Buffer.from('not snappy at all'), decompress: snappy().decompress });
    const garbage = await batch(6, values, CompressionTypes.Snappy).finally(() => (CompressionCodecs[CompressionTypes.Snappy] = snappy));
    const messages = await decode(recordSet(await batch(0, values), corrupt, garbage, await batch(9, values)));
    expect(offsets(messages)).toEqual(['0', '1', '2', 'skip@5', 'skip@8', '9', '10', '11']);
    expect(skippedBatchOf(messages[3]!)?.reason).toBe('corrupt');
    expect(skippedBatchOf(messages[4]!)?.reason).toBe('undecodable');
  });

  it('marks a first batch cut short as too large, and leaves a later one for the next fetch', async () => {
    const first = await batch(0, ['x'.repeat(500)]);
    const second = await batch(1, values);
    const cutFirst = await decode(recordSet(first.subarray(0, 100)));
    expect(offsets(cutFirst)).toEqual(['skip@0']);
    expect(skippedBatchOf(cutFirst[0]!)).toMatchObject({ reason: 'too_large', bytes: first.length, records: 1 });
    expect(offsets(await decode(recordSet(first, second.subarray(0, 70))))).toEqual(['0']);
  });
});

describe('the guard in kafkajs', () => {
  it('replaces the decoding of every fetch response version kafkajs may use', () => {
    // A kafkajs that speaks a newer fetch version would go unguarded: this fails first.
    expect(Math.max(...fetchVersions.versions.map(Number))).toBe(11);
    expect(Object.keys(LAYOUTS).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    for (const version of Object.keys(LAYOUTS)) expect(fetchResponseModule(Number(version)).decode.toString()).toBe(guardedFetchDecode(LAYOUTS[Number(version)]!).toString());
  });

  it('decodes a version 11 response as kafkajs does', async () => {
    const set = recordSet(await batch(0, values));
    const topic = Buffer.from('t');
    const head = Buffer.alloc(4 + 2 + 4 + 4 + 2);
    let at = head.writeInt32BE(5); // client-side throttle
    at = head.writeInt16BE(0, at);
    at = head.writeInt32BE(77, at); // session
    at = head.writeInt32BE(1, at); // one topic
    head.writeInt16BE(topic.length, at);
    const partition = Buffer.alloc(4 + 4 + 2 + 8 + 8 + 8 + 4 + 4);
    at = partition.writeInt32BE(1); // one partition
    at = partition.writeInt32BE(2, at);
    at = partition.writeInt16BE(0, at);
    at = partition.writeBigInt64BE(3n, at);
    at = partition.writeBigInt64BE(3n, at);
    at = partition.writeBigInt64BE(0n, at);
    at = partition.writeInt32BE(0, at); // no aborted transactions
    partition.writeInt32BE(-1, at);
    const response = (await fetchResponseModule(11).decode(Buffer.concat([head, topic, partition, set]))) as {
      responses: { topicName: string; partitions: Record<string, unknown>[] }[];
    };
    expect(response).toMatchObject({ throttleTime: 0, clientSideThrottleTime: 5, errorCode: 0, sessionId: 77 });
    expect(response.responses[0]?.topicName).toBe('t');
    expect(response.responses[0]?.partitions[0]).toMatchObject({
      partition: 2,
      errorCode: 0,
      highWatermark: '3',
      lastStableOffset: '3',
      lastStartOffset: '0',
      abortedTransactions: [],
      preferredReadReplica: -1,
    });
    expect(offsets(response.responses[0]?.partitions[0]?.messages as object[])).toEqual(['0', '1', '2']);
  });
});
