import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../lib/random.ts';
import type { ShiquanEvent } from '../../../relay/contract/event.ts';
import type { CaseStep } from '../../../relay/contract/cases.ts';
import { KINDS, isCaseKind } from '../../../relay/contract/kinds.ts';
import { REJECT_REASONS } from '../../../relay/contract/reasons.ts';
import {
  applyDelta,
  applyEvent,
  recordRejected,
  snapshot,
  takeDelta,
  type Delta,
  type RelayState,
  type Snapshot,
} from '../../../relay/state/index.ts';
import { cellAt } from '../../../relay/state/heatGrid.ts';
import {
  COMPOUND_IDS,
  HOUR,
  INDEX,
  MINUTE,
  NOON,
  closing,
  compoundAt,
  event,
  newState,
  shanghai,
  stepOf,
} from './helpers.ts';

function apply(view: Snapshot, delta: Delta): Snapshot {
  const next = applyDelta(view, delta);
  if (!next) throw new Error(`gap: view at ${view.seq}, delta ${delta.prevSeq} → ${delta.seq}`);
  return next;
}

const CASE_STEPS: readonly CaseStep[] = [
  { stage: 'dispatched' },
  { stage: 'handled' },
  { stage: 'contacted' },
  { stage: 'finished', onTime: true },
  { stage: 'reviewed', resolved: false, satisfied: true },
  { stage: 'closed' },
];

/** The follow-up of an opened event: a close, or a random step of a case (often refused). */
function followUp(random: Random, target: ShiquanEvent, now: number): ShiquanEvent {
  if (!isCaseKind(target.kind)) return closing(target, now);
  const step = random.pick(CASE_STEPS);
  return { ...stepOf(target, step, now), id: `${target.id}-${step.stage}-${random.int(0, 1)}` };
}

/** A random stream: every kind, closes and case steps in and out of order, late and too-old events, duplicates. */
function randomEvents(
  random: Random,
  now: number,
  count: number,
  opened: ShiquanEvent[],
): ShiquanEvent[] {
  const [west, south, east, north] = INDEX.bbox;
  const events: ShiquanEvent[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.between(0, 1);
    if (roll < 0.15 && opened.length > 0) {
      const index = random.int(0, opened.length - 1);
      const target = opened[index];
      // A case stays on the list for more steps; an incident closes once.
      if (target && !isCaseKind(target.kind)) opened.splice(index, 1);
      if (target) events.push(followUp(random, target, now));
    } else if (roll < 0.2) {
      events.push(closing(event({ kind: 'theft' }), now)); // its open comes later, or never
    } else if (roll < 0.23 && events.length > 0) {
      events.push(random.pick(events)); // a redelivery
    } else {
      const ts = roll < 0.3 ? now - random.int(0, 30) * HOUR : now - random.int(0, 60_000);
      const located = random.between(0, 1) < 0.3;
      const e = event({
        kind: random.pick(KINDS),
        compoundId: random.pick(COMPOUND_IDS),
        ts,
        lng: located ? random.between(west, east) : null,
        lat: located ? random.between(south, north) : null,
      });
      events.push(e);
      if (e.status === 'open') opened.push(e);
    }
  }
  return events;
}

function feed(
  state: RelayState,
  random: Random,
  now: number,
  count: number,
  opened: ShiquanEvent[],
): void {
  for (const e of randomEvents(random, now, count, opened)) applyEvent(state, e, now);
  if (random.between(0, 1) < 0.2) recordRejected(state, random.pick(REJECT_REASONS), now);
}

function jsonSize(value: unknown): number {
  return JSON.stringify(value).length;
}

describe('deltas', () => {
  it('snapshotPlusDeltasEqualsSnapshot', () => {
    const random = seededRandom(20240501);
    const start = shanghai('2024-05-01 23:45');
    const options = { feedSize: 20, alarmFeedSize: 6, heatHalfLifeMs: 5 * MINUTE, maxOpenIncidents: 300 };
    const state = newState(start, options);
    const opened: ShiquanEvent[] = [];
    let view = snapshot(state, start);
    let lateJoiners: Snapshot[] = [];
    // 5-second ticks through midnight, each with a random burst of events.
    const end = shanghai('2024-05-02 00:15');
    for (let tick = 1, now = start + 5000; now <= end; tick++, now += 5000) {
      feed(state, random, now - 2500, random.int(0, 40), opened);
      if (random.between(0, 1) < 0.05) lateJoiners.push(snapshot(state, now - 2000)); // between ticks
      feed(state, random, now - 1000, random.int(0, 10), opened);
      const delta = takeDelta(state, now);
      view = apply(view, delta);
      lateJoiners = lateJoiners.map((joiner) => apply(joiner, delta));
      if (tick % 6 === 0) expect(view).toEqual(snapshot(state, now)); // every 30 s
    }
    expect(view).toEqual(snapshot(state, view.at));
    expect(view.day).toBe('2024-05-02');
    expect(view.yesterday.totals.sensor).toBeGreaterThan(0);
    expect(view.open.evicted).toBeGreaterThan(0); // the bound on open incidents was exercised too
    expect(view.cases.grid.today.closed + view.cases.hotline.yesterday.contacted).toBeGreaterThan(0);
    expect(view.cases.feed.some((item) => item.step !== null)).toBe(true);
    expect(lateJoiners.length).toBeGreaterThan(3);
    for (const joiner of lateJoiners) expect(joiner).toEqual(view);
  });

  it('snapshotBetweenTicksConvergesWhenAValueReturnsToWhatWasSent', () => {
    const state = newState();
    takeDelta(state, NOON);
    const alarm = event({ kind: 'gas_leak', compoundId: compoundAt(11) });
    applyEvent(state, alarm, NOON + 100);
    const joiner = snapshot(state, NOON + 100); // shows the alarm open
    applyEvent(state, closing(alarm, NOON + 200), NOON + 200);
    const delta = takeDelta(state, NOON + 250); // open count is back to what the last tick sent
    expect(apply(joiner, delta)).toEqual(snapshot(state, NOON + 250));
    expect(delta.compounds?.map((c) => [c.id, c.open, c.level])).toEqual([[compoundAt(11), 0, 0]]);
  });

  it('deltaSizeDoesNotGrowWithRate', () => {
    const largestDelta = (eventsPerTick: number) => {
      const random = seededRandom(7);
      // A 16 × 16 grid: both rates hit every cell, as both hit every compound and kind.
      const state = newState(NOON, { heatCells: 16 });
      const opened: ShiquanEvent[] = [];
      let largest = 0;
      for (let tick = 1; tick <= 4; tick++) {
        const now = NOON + tick * 250;
        feed(state, random, now, eventsPerTick, opened);
        const { cases, ...figures } = takeDelta(state, now);
        largest = Math.max(largest, jsonSize(figures));
        // The case figures come as patches of the leaves that changed: never more than all of them.
        expect(jsonSize(cases)).toBeLessThan(jsonSize(state.sent.cases));
      }
      return largest;
    };
    const atLowRate = largestDelta(1_000);
    const atHighRate = largestDelta(20_000);
    // Bounded by the entities (compounds, kinds, hours, feed items, heat cells), not by events:
    // twenty times the events may only add digits.
    expect(atHighRate).toBeLessThan(atLowRate * 1.1);
  });

  it('quietTickSendsOnlyItsSequence', () => {
    const state = newState();
    const first = takeDelta(state, NOON + 250);
    const second = takeDelta(state, NOON + 500);
    expect(first).toEqual({ seq: 1, prevSeq: 0, at: NOON + 250 });
    expect(second).toEqual({ seq: 2, prevSeq: 1, at: NOON + 500 });
  });

  it('deltaCarriesOnlyWhatChanged', () => {
    const state = newState();
    applyEvent(state, event({ kind: 'face_access' }), NOON);
    takeDelta(state, NOON);
    const id = compoundAt(30);
    const place = INDEX.compounds.get(id)?.properties;
    applyEvent(state, event({ kind: 'door_open', compoundId: id, ts: NOON - 2 * HOUR }), NOON + 100);
    const heatedCell = cellAt(state.heat.sensor, ...(INDEX.labelPoints.get(id) ?? [0, 0]));
    const delta = takeDelta(state, NOON + 250);
    expect(delta.today?.totals).toEqual({ sensor: 1 });
    expect(delta.today?.byKind).toEqual({ door_open: 1 });
    expect(delta.today?.hourly).toEqual({ sensor: [10, 1] });
    expect(delta.compounds?.map((c) => c.id)).toEqual([id]);
    expect(delta.committees?.map((c) => c.id)).toEqual([place?.committeeId]);
    expect(delta.areas?.map((c) => c.id)).toEqual([place?.areaId]);
    expect(delta.feed?.map((item) => item.kind)).toEqual(['door_open']);
    expect(Object.keys(delta.heat ?? {})).toEqual(['sensor']);
    // Two hours old, so decayed to level 0; a cell hit by an event is sent all the same.
    expect(delta.heat?.sensor).toEqual({ cells: [heatedCell, 0] });
    expect(Object.keys(delta.freshness ?? {})).toEqual(['sensor']);
    expect(delta.yesterday).toBeUndefined();
  });

  it('heatGridIsSentWholeWhenThatIsShorter', () => {
    const state = newState(NOON, { heatCells: 8 });
    const [west, south, east, north] = INDEX.bbox;
    let view = snapshot(state, NOON);
    for (let row = 0; row < 8; row++) {
      for (let col = 0; col < 8; col++) {
        const lng = west + ((col + 0.5) / 8) * (east - west);
        const lat = south + ((row + 0.5) / 8) * (north - south);
        applyEvent(state, event({ kind: 'vehicle_pass', lng, lat }), NOON);
      }
    }
    const delta = takeDelta(state, NOON);
    expect(delta.heat?.camera).toEqual({ levels: new Array(64).fill(8) });
    view = apply(view, delta);
    expect(view).toEqual(snapshot(state, NOON));
  });

  it('gapInSequenceIsDetected', () => {
    const state = newState();
    const view = snapshot(state, NOON);
    const first = takeDelta(state, NOON + 250);
    const second = takeDelta(state, NOON + 500);
    expect(applyDelta(view, second)).toBeNull();
    const caughtUp = apply(apply(view, first), second);
    expect(applyDelta(caughtUp, first)).toBe(caughtUp); // an old delta changes nothing
  });

  it('applyDeltaLeavesItsInputAloneAndKeepsUntouchedParts', () => {
    const state = newState();
    const view = snapshot(state, NOON);
    const before = structuredClone(view);
    applyEvent(state, event({ kind: 'theft' }), NOON + 100);
    const next = apply(view, takeDelta(state, NOON + 250));
    expect(view).toEqual(before);
    expect(next.totals.alarm110).toBe(1);
    expect(next.yesterday).toBe(view.yesterday);
    expect(next.heat.grids.sensor).toBe(view.heat.grids.sensor);
    expect(next.heat.grids.alarm110).not.toBe(view.heat.grids.alarm110);
  });
});
