// How much JS heap the replay history keeps at a load rate: fifteen minutes of snapshots and
// deltas under the load profile into a SnapshotHistory, then the heap (after full collections)
// with the history and again without it (the keyframes counted whole, though on a wall the newest
// shares most of its parts with the live snapshot). A script, not a test (it needs --expose-gc
// and a few minutes):
//
//   node --expose-gc --import tsx test/unit/wall/replay/measureHistoryHeap.ts [rate] [seconds] [frameMs] [keyframeMs]
import { REPLAY_HISTORY, SnapshotHistory } from '../../../../wall/replay/snapshotHistory.ts';
import { loadViews } from './loadViews.ts';

const MB = 1024 * 1024;

function settledMemory(): { heap: number; buffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, buffers: arrayBuffers };
}

const rate = Number(process.argv[2] ?? 2000);
const seconds = Number(process.argv[3] ?? REPLAY_HISTORY.windowMs / 1000);
const frameMs = Number(process.argv[4] ?? REPLAY_HISTORY.frameMs);
const keyframeMs = Number(process.argv[5] ?? REPLAY_HISTORY.keyframeMs);
let history: SnapshotHistory | null = new SnapshotHistory({ ...REPLAY_HISTORY, frameMs, keyframeMs });
for await (const { view, delta } of loadViews({ rate, seconds })) history.record(view, delta);

const frames = history.length;
const size = history.size();
const kept = settledMemory();
history = null;
const without = settledMemory();
const heapMb = (kept.heap - without.heap) / MB;
const buffersMb = (kept.buffers - without.buffers) / MB;
console.log(
  JSON.stringify({
    rate,
    seconds,
    frameMs,
    keyframeMs,
    frames,
    ...size,
    heapMB: Number(heapMb.toFixed(2)),
    arrayBuffersMB: Number(buffersMb.toFixed(2)),
  }),
);
