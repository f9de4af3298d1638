// Grid and hotline cases through a real broker: a relay started today reads the case topics back
// to their horizon (1 January less the look-back), so a case opened weeks ago and closed since
// counts to the year, while the alarm topics are still read from yesterday's midnight. Steps the
// relay cannot take — for an unknown case, out of order — are dead-lettered with their reason;
// a wall follows new steps live.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SOURCES, topicNames, type ProducerEvent } from '../../relay/contract/index.ts';
import type { DeadLetterBody } from '../../relay/ingest/deadLetter.ts';
import { createDayClock } from '../../relay/state/dayClock.ts';
import { createTopics } from '../infra/kafkaBroker.ts';
import { consumeRecords } from '../infra/kafkaRecords.ts';
import { COMPOUNDS, EventProducer, recordOf } from './support/events.ts';
import { startTestRelay, stateAfter, uniquePrefix, waitFor, type TestRelay } from './support/relays.ts';
import { connectWall, type TestWall } from './support/walls.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('cases');
const topics = topicNames(prefix);
const DAY = 86_400_000;
const now = Date.now();
const clock = createDayClock('Asia/Shanghai');
const weeksAgo = now - 40 * DAY;
// The year cohort holds the old case only when it was opened in this local year.
const sameYear = clock.dayOf(weeksAgo).date.slice(0, 4) === clock.dayOf(now).date.slice(0, 4);

const at = (ts: number, fields: Partial<ProducerEvent> & Pick<ProducerEvent, 'id' | 'kind'>): ProducerEvent => ({
  ts,
  compoundId: COMPOUNDS[20]!,
  ...fields,
});

const oldCase = [
  at(weeksAgo, { id: 'grd-old', kind: 'illegal_building', status: 'open' }),
  at(weeksAgo + 3_600_000, { id: 'grd-old-handled', kind: 'illegal_building', ref: 'grd-old', stage: 'handled' }),
  at(weeksAgo + 7_200_000, { id: 'grd-old-closed', kind: 'illegal_building', ref: 'grd-old', stage: 'closed', status: 'closed' }),
  // Still open weeks after its 24-hour deadline: overdue.
  at(weeksAgo, { id: 'grd-stall', kind: 'street_trading', status: 'open' }),
  at(weeksAgo + 600_000, { id: 'grd-stall-dispatched', kind: 'street_trading', ref: 'grd-stall', stage: 'dispatched' }),
];
// Today's call fits between the start of today and now, even when the test runs just after midnight.
const callFrom = Math.max(now - 3_600_000, clock.dayOf(now).start);
const callStep = Math.min(60_000, Math.floor((now - callFrom) / 6));
const call = (step: number, fields: Partial<ProducerEvent> & Pick<ProducerEvent, 'id'>) =>
  at(callFrom + step * callStep, { kind: 'noise', compoundId: COMPOUNDS[21]!, ...fields });
const todaysCall = [
  call(0, { id: 'hot-1', status: 'open' }),
  call(1, { id: 'hot-1-contacted', ref: 'hot-1', stage: 'contacted' }),
  call(2, { id: 'hot-1-finished', ref: 'hot-1', stage: 'finished', onTime: true }),
  call(3, { id: 'hot-1-reviewed', ref: 'hot-1', stage: 'reviewed', resolved: false, satisfied: true }),
  // Refused by the state: contacted again after finishing, and a step of a case never opened.
  call(4, { id: 'hot-1-contacted-again', ref: 'hot-1', stage: 'contacted' }),
  call(5, { id: 'hot-ghost-finished', ref: 'hot-ghost', stage: 'finished', onTime: false }),
];

describe('grid and hotline cases through Kafka', () => {
  let relay: TestRelay;
  let producer: EventProducer;
  let wall: TestWall;
  let caughtUpAt: number;

  beforeAll(async () => {
    await createTopics(brokers, [...SOURCES.map((source) => topics[source]), topics.deadletter], { partitions: 2 });
    producer = await EventProducer.connect(brokers);
    // Record time as the upstream stamped it: the relay seeks each topic by it.
    await producer.send([
      ...oldCase.map((event) => recordOf(prefix, event, event.ts as number)),
      ...todaysCall.map((event) => recordOf(prefix, event, event.ts as number)),
      // Stamped three days ago on an alarm topic: before where those topics are read from.
      recordOf(prefix, at(now, { id: 'smoke-early', kind: 'smoke' }), now - 3 * DAY),
    ]);
    relay = await startTestRelay({ brokers, prefix, tickHz: 10 });
    await relay.relay.caughtUp;
    caughtUpAt = Date.now();
    wall = await connectWall(relay.url);
  }, 60_000);

  afterAll(async () => {
    wall?.close();
    await relay?.relay.close();
    await producer?.close();
  });

  it('rebuildsTheYearFromTheCaseTopicsAndTodayFromTheOthers', async () => {
    // /api/state serves the view of the last tick: one taken after the rebuild.
    const state = await stateAfter(relay.url, caughtUpAt);
    expect(state.totals).toEqual({ sensor: 0, camera: 0, alarm110: 0, grid: 0, hotline: 1 });
    expect(state.cases.grid).toMatchObject({
      open: 1,
      overdue: 1,
      year: { accepted: sameYear ? 2 : 0, dispatched: sameYear ? 1 : 0, closed: sameYear ? 1 : 0 },
    });
    expect(state.cases.compounds.find((c) => c.id === COMPOUNDS[20])?.grid).toMatchObject({ open: 1, overdue: 1 });
    expect(state.cases.hotline.today).toMatchObject({
      accepted: 1,
      contacted: 1,
      finished: 1,
      onTime: 1,
      reviewed: 1,
      resolved: 0,
      satisfied: 1,
      rates: { contact: 1, onTime: 1, resolution: 0, satisfaction: 1 },
    });
    expect(state.cases.hotline.open).toBe(1);
    expect(state.cases.compounds.find((c) => c.id === COMPOUNDS[21])?.hotline).toMatchObject({ open: 1, today: { accepted: 1 } });
    expect(state.rejected).toMatchObject({ stage_out_of_order: 1, unknown_case: 1 });
  });

  it('deadLettersTheStepsItCannotTakeWithTheirReason', async () => {
    const letters = (await consumeRecords(brokers, [topics.deadletter], 2)).map((record) => JSON.parse(String(record.value)) as DeadLetterBody);
    expect(letters.map((l) => l.reason).sort()).toEqual(['stage_out_of_order', 'unknown_case']);
    for (const letter of letters) {
      expect(letter.topic).toBe(topics.hotline);
      expect(letter.detail).toMatch(/hot-1|hot-ghost/);
    }
  });

  it('bringsNewStepsToAWallLive', async () => {
    const pile = at(Date.now() - 1_000, { id: 'grd-live', kind: 'rubbish_pile', status: 'open' });
    const dispatched = at(Date.now(), { id: 'grd-live-dispatched', kind: 'rubbish_pile', ref: 'grd-live', stage: 'dispatched' });
    await producer.send([recordOf(prefix, pile), recordOf(prefix, dispatched)]);
    const view = await waitFor('the live step on the wall', () => (wall.view?.cases.grid.today.dispatched === 1 ? wall.view : undefined));
    expect(view.cases.grid).toMatchObject({ open: 2, overdue: 1, today: { accepted: 1, dispatched: 1 } });
    expect(view.totals.grid).toBe(1);
    expect(view.cases.feed.slice(0, 2).map((item) => [item.id, item.step?.stage ?? null])).toEqual([
      ['grd-live-dispatched', 'dispatched'],
      ['grd-live', null],
    ]);
  });
});
