// Kafka's compression codecs for kafkajs, which decodes only gzip by itself: snappy, lz4 and zstd
// as Kafka's own clients frame them (the Java client and librdkafka), so batches from any
// producer decode and batches we write are read by any consumer.
// - snappy: xerial's block framing (the Java client's), or a bare snappy block (librdkafka may
//   send either); written framed, as the Java client does.
// - lz4: the LZ4 frame format (Kafka ≥ 0.10).
// - zstd: standard frames; fzstd reads frames with or without a content size (zstd-wasm's one-shot
//   decoder cannot grow past 1 MB without one), zstd-wasm writes them.
// kafkajs keeps codecs in one registry per process: importing this module fills it.
import { init as zstdInit, compress as zstdCompress } from '@bokuweb/zstd-wasm';
import { decompress as zstdDecompress } from 'fzstd';
// kafkajs's CommonJS exports hide these two from named ESM imports.
import kafkajs from 'kafkajs';
import { compressFrame as lz4Compress, decompressFrame as lz4Decompress } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';

const { CompressionCodecs, CompressionTypes } = kafkajs;

/** What kafkajs hands a codec to compress: its encoder, of which only the bytes matter. */
interface Encoded {
  buffer: Buffer;
}

export interface KafkaCodec {
  compress(encoder: Encoded): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

/** The codec names operators use (Kafka's `compression.type`), with kafkajs's numbers. */
export const COMPRESSION_TYPES = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
} as const;
export type CompressionName = keyof typeof COMPRESSION_TYPES;
export const COMPRESSION_NAMES = Object.keys(COMPRESSION_TYPES) as CompressionName[];

// xerial snappy-java's stream framing: magic, two int32 versions, then [int32 length][block]…
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER = Buffer.concat([XERIAL_MAGIC, Buffer.from([0, 0, 0, 1, 0, 0, 0, 1])]);
/** snappy-java's default block: 32 KiB of input per block. */
const XERIAL_BLOCK = 32 * 1024;

const asBuffer = (bytes: string | Buffer) => (typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

export function snappyUnframe(buffer: Buffer): Buffer {
  if (buffer.length < XERIAL_HEADER.length || !buffer.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return asBuffer(snappyUncompress(buffer));
  }
  const blocks: Buffer[] = [];
  for (let at = XERIAL_HEADER.length; at < buffer.length; ) {
    if (at + 4 > buffer.length) throw new Error('snappy (xerial framing): a block length is cut short');
    const length = buffer.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > buffer.length) throw new Error('snappy (xerial framing): a block runs past the end');
    blocks.push(asBuffer(snappyUncompress(buffer.subarray(at, at + length))));
    at += length;
  }
  return Buffer.concat(blocks);
}

export function snappyFrame(data: Buffer): Buffer {
  const parts: Buffer[] = [XERIAL_HEADER];
  for (let at = 0; at < data.length; at += XERIAL_BLOCK) {
    const block = snappyCompress(data.subarray(at, at + XERIAL_BLOCK));
    const length = Buffer.alloc(4);
    length.writeInt32BE(block.length);
    parts.push(length, block);
  }
  return Buffer.concat(parts);
}

let zstdReady: Promise<void> | null = null;

export const CODECS: Readonly<Record<'snappy' | 'lz4' | 'zstd', KafkaCodec>> = {
  snappy: {
    compress: async ({ buffer }) => snappyFrame(buffer),
    decompress: async (buffer) => snappyUnframe(buffer),
  },
  lz4: {
    compress: ({ buffer }) => lz4Compress(buffer),
    decompress: (buffer) => lz4Decompress(buffer),
  },
  zstd: {
    async compress({ buffer }) {
      await (zstdReady ??= zstdInit());
      return Buffer.from(zstdCompress(buffer, 3));
    },
    decompress: async (buffer) => {
      const data = zstdDecompress(buffer);
      return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    },
  },
};

CompressionCodecs[CompressionTypes.Snappy] = () => CODECS.snappy;
CompressionCodecs[CompressionTypes.LZ4] = () => CODECS.lz4;
CompressionCodecs[CompressionTypes.ZSTD] = () => CODECS.zstd;
