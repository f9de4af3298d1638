// Views as a wall receives them under the load profile: the simulator's load events at a steady
// rate through the contract's validator into a relay state, a delta every tick, sent through
// JSON (as Socket.IO carries it) and applied with applyDelta. Used to size the replay history.
import { createCompoundLocator } from '../../../../geo/compoundLocator.ts';
import { loadPack } from '../../../../geo/loadPack.ts';
import { buildPackIndex } from '../../../../geo/packIndex.ts';
import { SOURCES, parseEventTime, validateEvent, type ValidationContext } from '../../../../relay/contract/index.ts';
import { applyDelta, applyEvent, createState, snapshot, takeDelta, type Delta, type Snapshot } from '../../../../relay/state/index.ts';
import { simCompoundsFromPack } from '../../../../simulator/generate/compounds.ts';
import { loadEvents } from '../../../../simulator/generate/load.ts';
import { readProfile } from '../../../../simulator/profile/readProfile.ts';

export interface LoadViewOptions {
  /** Events per second. */
  rate: number;
  seconds: number;
  tickMs?: number;
  startMs?: number;
}

const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface WallTick {
  view: Snapshot;
  /** The delta that brought it; none for the snapshot the wall connected with. */
  delta?: Delta;
}

/** The wall's view after each tick, from the snapshot it connected with onwards. */
export async function* loadViews(options: LoadViewOptions): AsyncGenerator<WallTick, void, undefined> {
  const { rate, seconds, tickMs = 250, startMs = Date.UTC(2024, 4, 1, 2, 0, 0) } = options;
  const pack = await loadPack();
  const index = buildPackIndex(pack);
  const locator = createCompoundLocator(pack.compounds.features);
  const profile = await readProfile('load');
  if (profile.type !== 'load') throw new Error('the bundled load profile is not a load profile');
  const steady = { ...profile, phases: [{ name: 'hold', share: 1, fromRate: 1, toRate: 1, why: 'one steady rate' }] };
  const events = loadEvents({
    profile: steady,
    compounds: simCompoundsFromPack(pack),
    seed: 7,
    sources: SOURCES,
    rate,
    durationMs: seconds * 1000,
    startMs,
  });
  const state = createState(index, startMs);
  const context = (now: number): ValidationContext => ({
    now,
    hasCompound: (id) => index.compounds.has(id),
    locate: (lng, lat) => locator.locate(lng, lat),
  });
  let view: Snapshot | null = throughJson(snapshot(state, startMs));
  yield { view };
  let tickAt = startMs + tickMs;
  for (const event of events) {
    const ts = parseEventTime(event.ts) ?? tickAt;
    while (ts >= tickAt) {
      const delta = throughJson(takeDelta(state, tickAt));
      view = applyDelta(view, delta);
      if (!view) throw new Error('a delta did not follow the previous one');
      yield { view, delta };
      tickAt += tickMs;
    }
    const result = validateEvent(event, context(ts));
    if (result.ok) applyEvent(state, result.event, ts);
  }
}
