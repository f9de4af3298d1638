// What the bench and its crowd of walls (a child process) say to each other over IPC, and the
// sums the bench makes of the crowd's counts. Types and pure helpers only.

/** Our relay's walls keep the view (snapshot + deltas); the naive relay's count its messages. */
export type WallKind = 'relay' | 'naive';

/**
 * When a wall of our relay counts as attached: once its snapshot came, or once it is connected
 * (a relay that is rebuilding sends no snapshot until it is ready).
 */
export type AttachedWhen = 'snapshot' | 'connected';

export type CrowdCommand =
  | { type: 'connect'; url: string; walls: number; kind: WallKind; attached: AttachedWhen }
  /** From now on, count from zero. */
  | { type: 'mark' }
  | { type: 'read' }
  | { type: 'disconnect' };

export interface WallCount {
  /** Counted events (all but closed follow-ups and case steps) this wall was shown since the mark. */
  delivered: number;
  /** Bytes on the wire of the messages it received since the mark. */
  bytes: number;
}

export type CrowdReply = { type: 'done' } | { type: 'counts'; walls: WallCount[] } | { type: 'failed'; message: string };

export interface CrowdTotals {
  walls: number;
  /** The least any wall was shown: what every wall has. */
  leastDelivered: number;
  meanDelivered: number;
  bytes: number;
}

export function crowdTotals(walls: readonly WallCount[]): CrowdTotals {
  const delivered = walls.map((wall) => wall.delivered);
  return {
    walls: walls.length,
    leastDelivered: walls.length === 0 ? 0 : Math.min(...delivered),
    meanDelivered: walls.length === 0 ? 0 : delivered.reduce((sum, n) => sum + n, 0) / walls.length,
    bytes: walls.reduce((sum, wall) => sum + wall.bytes, 0),
  };
}
