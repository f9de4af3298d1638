// A wall following a relay in a test: events each tick into the relay's state, a delta taken and
// applied, the view as the wall would hold it, and the delta that brought it.
import { applyDelta, applyEvent, snapshot, takeDelta, type Delta, type RelayState, type Snapshot } from '../../../../relay/state/index.ts';
import { NOON, compoundAt, event, newState } from '../../state/helpers.ts';

export const SECOND = 1_000;
const KINDS = ['smoke', 'face_access', 'burglary', 'street_vendor', 'door_open', 'gas_leak'] as const;

export class Wall {
  view: Snapshot;
  /** The delta of the last tick; none before the first. */
  delta: Delta | undefined;
  private n = 0;

  constructor(
    readonly state: RelayState = newState(),
    public now = NOON,
  ) {
    this.view = snapshot(state, now);
  }

  /** Applies `events` events at the current time, then moves `ms` on and applies the delta. */
  tick(ms: number, events = 3): Snapshot {
    for (let i = 0; i < events; i++, this.n++) {
      const kind = KINDS[this.n % KINDS.length]!;
      applyEvent(this.state, event({ kind, ts: this.now, compoundId: compoundAt(this.n % 40) }), this.now);
    }
    this.now += ms;
    this.delta = takeDelta(this.state, this.now);
    const next = applyDelta(this.view, this.delta);
    if (!next) throw new Error('lost step');
    this.view = next;
    return next;
  }
}

