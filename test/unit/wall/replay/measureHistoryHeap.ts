// How much JS heap the replay history keeps at a load rate: fifteen minutes of views under the
// load profile into a ViewHistory, then the heap (after full collections) with the history and
// again without it. A script, not a test (it needs --expose-gc and a minute):
//
//   node --expose-gc --import tsx test/unit/wall/replay/measureHistoryHeap.ts [rate] [seconds] [frameMs]
import { REPLAY_HISTORY, ViewHistory } from '../../../../wall/replay/viewHistory.ts';
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
let history: ViewHistory | null = new ViewHistory({ ...REPLAY_HISTORY, frameMs });
for await (const view of loadViews({ rate, seconds })) history.record(view);

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
    frames,
    feedItems: size.feedItems,
    diffKB: Math.round(size.diffBytes / 1024),
    baseKB: Math.round(size.baseBytes / 1024),
    heapMB: Number(heapMb.toFixed(2)),
    arrayBuffersMB: Number(buffersMb.toFixed(2)),
  }),
);
