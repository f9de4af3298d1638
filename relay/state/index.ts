// The relay's state: today's figures built from accepted events. Pure logic, no I/O, no timers,
// no clock reads — every call that needs the time takes `now` (epoch ms) from the caller.
//
// The state is ONE MUTABLE OBJECT, updated in place (the relay applies >20,000 events/s on one
// core, so nothing is copied per event). Only the relay's own loop should hold it.
//
//   const state = createState(packIndex, Date.now(), { timeZone: 'Asia/Shanghai' });
//   applyEvent(state, event, Date.now())       // → 'applied' | 'duplicate' | 'conflict' | 'too_old' | { reason, detail }
//   recordRejected(state, reason, Date.now())  // the ingest edge's rejects, by reason
//   recordSkipped(state, source, n, Date.now()) // records in batches that could not be read
//   takeDelta(state, Date.now())               // once per broadcast tick → Delta (seq, prevSeq)
//   snapshot(state, Date.now())                // the whole picture now → Snapshot
//   state.sent                                 // the snapshot as of the last delta
//   advanceClock(state, Date.now())            // optional: each of the above does it first
//
// - Events must have passed validateEvent against the same pack. De-duplication by id is done
//   here, within a bounded window (the last `dedupCapacity` to 2× that many ids).
// - Days are local to `timeZone`; midnight moves today's figures to yesterday. An event counts
//   to the day of its own `ts`: today, yesterday (late arrival), or not at all if older
//   (still remembered for de-duplication). See applyEvent.ts.
// - Rejects are kept in the state (recordRejected) so /api/state and deltas carry them; they
//   count per local day, like everything else rebuilt from Kafka on restart.
// - Send every wall a snapshot (state.sent, right after a delta), then every delta. A wall
//   applies them with applyDelta (relay/protocol/applyDelta.ts, browser-safe); it returns null on
//   a gap in seq, and the wall then asks for a new snapshot. A snapshot may be taken at any time between
//   ticks; the next delta still brings it exactly up to date.
// - `now` never goes backwards inside the state: an earlier value is treated as the latest seen.
// - Critical events also go to a feed of their own (`alarms`, alarmFeedSize items), so that a
//   flood of warnings never pushes an alarm out of the feed before walls have seen it.
// - Grid and hotline cases (relay/contract/cases.ts) are kept from their horizon (1 January less
//   caseLookbackDays) in a bounded book (maxCases): `cases` in the view has each source's day and
//   year cohorts with their rates, the cases open and overdue now, the same per place, and a
//   feed of openings and steps. A step the state cannot take (unknown case, out of order, kind
//   not the case's) makes applyEvent return a refusal { reason, detail } to dead-letter.
// - Memory is bounded by the configuration (StateConfig), whatever the rate or the uptime.
export { applyEvent, recordRejected, recordSkipped, type ApplyOutcome } from './applyEvent.ts';
export type { CaseRefusal } from './caseBook.ts';
export { applyDelta } from '../protocol/applyDelta.ts';
export { DEFAULT_STATE_CONFIG, type StateConfig, type StateOptions } from './config.ts';
export { takeDelta } from './delta.ts';
export { advanceClock } from './rollover.ts';
export { snapshot } from './snapshot.ts';
export { createState, type RelayState } from './state.ts';
export {
  HEAT_LEVELS_PER_DOUBLING,
  OPEN_AGE_BAND_EDGES_MS,
  heatWeightOfLevel,
  type AlertLevel,
  type CasePlaceView,
  type CaseSourceView,
  type CasesDelta,
  type CasesView,
  type ClosureView,
  type CohortView,
  type DayDelta,
  type DayView,
  type Delta,
  type FeedItem,
  type Freshness,
  type HeatChange,
  type HeatView,
  type OpenView,
  type PlaceCasesView,
  type RollupView,
  type Snapshot,
} from '../protocol/snapshot.ts';
