// One stalled wall against none: the healthy probe walls' p99 latency with a wall that stopped
// reading against their p99 without it — measured before and after, and averaged, so that a
// machine whose load drifts does not pass its drift off as the stalled wall's doing — and how
// the relay's heap grew meanwhile (sampled from its /metrics in every phase, so each pays the
// same for being sampled; judged by what survives collection).
//
// A wall that stops reading is first absorbed by the kernel's socket buffers (megabytes on
// loopback: minutes of deltas). So that the measured phase sees the state that matters — the
// buffers full and the relay skipping the wall — the stalled wall first asks for a snapshot
// every 100 ms until the relay starts skipping it (at most FILL_MS), and only then is the phase
// measured, with the wall simply stalled. Socket.IO's heartbeat drops a wall that reads nothing
// for about 45 s; in a long phase that is part of what happens. The heap's growth is taken from
// the moment the wall stalls to the end of its phase.
import { sampleRelayMemory } from '../../faults/support/memorySampler.ts';
import { metric } from '../../integration/support/relays.ts';
import { connectWall, type TestWall } from '../../integration/support/walls.ts';
import type { BenchContext } from '../context.ts';
import { meanOf } from '../figures.ts';
import { heapFloors } from '../heapGrowth.ts';
import { sendLoad } from '../infra/loadStream.ts';
import { SLOW_CLIENT_RATE } from '../plan.ts';
import { measureLatency, type LatencyRun } from './latency.ts';

const ASK_SNAPSHOT_MS = 100;
const FILL_MS = 45_000;
/** The fill's load goes in short runs, so it stops soon after the relay starts skipping. */
const FILL_STEP_S = 2;
const SAMPLE_MS = 1_000;
const MiB = 2 ** 20;
const skippedDeltas = (relayUrl: string) => metric(relayUrl, 'relay_wall_deltas_skipped_total');

export interface SlowClientResult {
  /** Before the wall stalls, and after it is gone. */
  without: [LatencyRun, LatencyRun];
  /** The mean of the two p99s without it. */
  p99WithoutMs: number | null;
  withStalled: LatencyRun;
  /** Seconds the stalled wall asked for snapshots until the relay skipped it; null if it never did. */
  fillSeconds: number | null;
  /** Deltas the relay did not send to the stalled wall during the measured phase. */
  deltasSkipped: number;
  /** Seconds from the stall until Socket.IO dropped the wall; null if it stayed connected. */
  droppedAfterSeconds: number | null;
  /** Seconds from the stall to the end of the measured phase: what the heap was sampled over. */
  stalledSeconds: number;
  /** The relay's heap floor in the first and in the second half of the stall, MiB. */
  heapFloorStartMB: number | null;
  heapFloorEndMB: number | null;
  /** The relay's heap in use, MiB, every SAMPLE_MS from the stall to the end of its phase. */
  heapUsedMB: number[];
}

/** Stalls the wall and makes it ask for snapshots under load until the relay skips it. */
async function fillBuffers(context: BenchContext, relayUrl: string, prefix: string, wall: TestWall): Promise<number | null> {
  wall.stall();
  const started = Date.now();
  const before = await skippedDeltas(relayUrl);
  const asking = setInterval(() => wall.socket.emit('snapshot'), ASK_SNAPSHOT_MS);
  try {
    while (Date.now() - started < FILL_MS) {
      await sendLoad(context.load, { prefix, rate: SLOW_CLIENT_RATE, seconds: FILL_STEP_S });
      if ((await skippedDeltas(relayUrl)) > before) return (Date.now() - started) / 1000;
    }
    return null;
  } finally {
    clearInterval(asking);
  }
}

export async function measureSlowClient(context: BenchContext, relayUrl: string, prefix: string): Promise<SlowClientResult> {
  const { plan, say } = context;
  const seconds = plan.slowClientSeconds;
  const healthyPhase = () => measureLatency(context, { relayUrl, prefix, rate: SLOW_CLIENT_RATE, seconds });
  const memory = sampleRelayMemory(relayUrl, SAMPLE_MS);
  try {
    say(`relays: healthy walls' latency at ${SLOW_CLIENT_RATE} events/s, no stalled wall (${seconds} s)`);
    const before = await healthyPhase();

    const stalled = await connectWall(relayUrl);
    const stalledAt = Date.now();
    let droppedAt: number | null = null;
    stalled.socket.once('disconnect', () => (droppedAt = Date.now()));
    let stalledPhase: Omit<SlowClientResult, 'without' | 'p99WithoutMs'>;
    try {
      say('relays: a wall stops reading; filling its socket buffers until the relay skips it');
      const fillSeconds = await fillBuffers(context, relayUrl, prefix, stalled);
      say(`relays: the healthy walls' latency with the stalled wall (${seconds} s)`);
      const skippedBefore = await skippedDeltas(relayUrl);
      const withStalled = await healthyPhase();
      const stalledEnd = Date.now();
      const heapUsedMB = memory.between(stalledAt, stalledEnd).map((sample) => Math.round((sample.heapUsed / MiB) * 10) / 10);
      const floors = heapFloors(heapUsedMB);
      stalledPhase = {
        withStalled,
        fillSeconds,
        deltasSkipped: (await skippedDeltas(relayUrl)) - skippedBefore,
        droppedAfterSeconds: droppedAt === null ? null : (droppedAt - stalledAt) / 1000,
        stalledSeconds: (stalledEnd - stalledAt) / 1000,
        heapFloorStartMB: floors && floors.start,
        heapFloorEndMB: floors && floors.end,
        heapUsedMB,
      };
    } finally {
      stalled.close();
    }

    say(`relays: the stalled wall gone, healthy walls' latency again (${seconds} s)`);
    const after = await healthyPhase();
    return { without: [before, after], p99WithoutMs: meanOf([before.p99Ms, after.p99Ms]), ...stalledPhase };
  } finally {
    memory.stop();
  }
}
