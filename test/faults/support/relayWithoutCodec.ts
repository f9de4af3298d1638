// relay/main.ts with one of kafkajs's codecs put back to kafkajs's own "not implemented" (the
// codec named by LEFT_OUT_CODEC): a relay for which a batch with that codec cannot be decoded,
// as it would be for any consumer that lacks the codec. kafkajs's codec registry is one per
// process, so this runs as a child process (spawnRelay's `entry`).
import kafkajs, { type CompressionTypes as Codec } from 'kafkajs';

const { CompressionCodecs, CompressionTypes } = kafkajs;
const kafkajsOwn = { ...CompressionCodecs };
await import('../../../kafka/codecs.ts');
const codecs: Record<string, Codec.Snappy | Codec.LZ4 | Codec.ZSTD> = {
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};
const leftOut = codecs[process.env.LEFT_OUT_CODEC ?? ''];
if (leftOut === undefined) throw new Error('LEFT_OUT_CODEC must be snappy, lz4 or zstd');
CompressionCodecs[leftOut] = kafkajsOwn[leftOut];
await import('../../../relay/main.ts');
