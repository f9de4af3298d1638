// What one probe wall makes of the relay's messages, without the socket: it keeps the snapshot a
// wall would (a SnapshotSync: snapshot, then deltas; a seq gap → wait for a new snapshot), counts
// deltas per second and gaps, and turns counts into latencies by ordinal: the k-th counted event of a
// source produced by this run is delivered when the probe first sees that source's total, since
// its first snapshot, reach k. Coalesced deltas carry counts, not event ids, so this is the only
// way a wall can time events. Pure.
import { perSource, SOURCES, type Source } from '../../relay/contract/index.ts';
import type { Delta, Snapshot } from '../../relay/protocol/snapshot.ts';
import { SnapshotSync, type SnapshotSink } from '../../relay/protocol/snapshotSync.ts';
import type { LatencyStats } from './latencyStats.ts';
import type { OrdinalLog } from './ordinalLog.ts';
import { countsOfSnapshot, countsSince, type Counted, type RelayCounts } from './relayCounts.ts';

export interface ProbeStats {
  probe: number;
  snapshots: number;
  deltas: number;
  /** Deltas whose prevSeq was not the last seq seen: this wall missed one and resynced. */
  gaps: number;
  disconnects: number;
  /** Deltas received in each second of the run's clock, from the probe's first second on. */
  deltasPerSecond: number[];
}

export type DeltaOutcome = 'applied' | 'gap' | 'ignored';

export class ProbeTracker implements SnapshotSink {
  readonly #sync = new SnapshotSync();
  #base: RelayCounts | null = null;
  #counts: RelayCounts | null = null;
  readonly #seen: Record<Source, number> = perSource(() => 0);
  readonly #perSecond = new Map<number, number>();
  #snapshots = 0;
  #deltas = 0;
  #disconnects = 0;

  constructor(
    readonly probe: number,
    private readonly log: OrdinalLog,
    private readonly latency: LatencyStats,
    /** Epoch ms the run's clock starts at. */
    private readonly startedAt: number,
  ) {}

  /** The first snapshot is the baseline; later ones (after a gap or a reconnect) resync. */
  onSnapshot(snapshot: Snapshot, at: number): void {
    this.#snapshots++;
    this.#sync.takeSnapshot(snapshot);
    this.#counts = countsOfSnapshot(snapshot);
    this.#base ??= this.#counts;
    this.#observe(at);
  }

  /** 'gap': out of step (a delta is missing in between); the caller asks the relay for a snapshot. */
  onDelta(delta: Delta, at: number): DeltaOutcome {
    this.#deltas++;
    const second = Math.floor((at - this.startedAt) / 1000);
    this.#perSecond.set(second, (this.#perSecond.get(second) ?? 0) + 1);
    const before = this.#sync.snapshot;
    if (this.#sync.takeDelta(delta, at)) return 'gap';
    const after = this.#sync.snapshot;
    if (after === null || after === before) return 'ignored';
    this.#counts = countsOfSnapshot(after);
    this.#observe(at);
    return 'applied';
  }

  onDisconnect(): void {
    this.#disconnects++;
  }

  takeSnapshot(snapshot: Snapshot, now: number): void {
    this.onSnapshot(snapshot, now);
  }

  takeDelta(delta: Delta, now: number): boolean {
    return this.onDelta(delta, now) === 'gap';
  }

  /** Counted since the baseline, as this wall shows it; null before its first snapshot. */
  delivered(): Counted | null {
    return this.#base && this.#counts ? countsSince(this.#base, this.#counts) : null;
  }

  #observe(at: number): void {
    const delivered = this.delivered();
    if (!delivered) return;
    for (const source of SOURCES) {
      // Counts beyond what this run produced are not its events (another producer's).
      const upTo = Math.min(delivered.totals[source], this.log.produced(source));
      if (upTo <= this.#seen[source]) continue;
      this.log.forEachRun(source, this.#seen[source], upTo, (producedAt, count) => this.latency.add(at, at - producedAt, count));
      this.#seen[source] = upTo;
    }
  }

  stats(): ProbeStats {
    let first = Infinity;
    let last = -Infinity;
    for (const second of this.#perSecond.keys()) [first, last] = [Math.min(first, second), Math.max(last, second)];
    const length = Number.isFinite(first) ? last - first + 1 : 0;
    const deltasPerSecond = Array.from({ length }, (_, i) => this.#perSecond.get(first + i) ?? 0);
    return {
      probe: this.probe,
      snapshots: this.#snapshots,
      deltas: this.#deltas,
      gaps: this.#sync.stats.gaps,
      disconnects: this.#disconnects,
      deltasPerSecond,
    };
  }
}
