import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, QUEUE_DEFAULTS, raisedCards, updateQueue, visibleCards } from '../../../../wall/alarms/alarmQueue.ts';
import { MINUTE, SECOND, T0, alarm, criticalIn, newestFirst } from './alarmItems.ts';

describe('alarm queue', () => {
  it('foldsAStormOfOneKindInOneCompoundIntoOneCardWithACount', () => {
    const storm = Array.from({ length: 30 }, (_, i) => alarm({ ts: T0 + i * SECOND, note: `${i + 1}号楼` }));
    const queue = updateQueue(EMPTY_QUEUE, newestFirst(storm), criticalIn('A'), T0 + MINUTE);
    expect(queue.cards).toHaveLength(1);
    expect(queue.cards[0]).toMatchObject({
      key: 'A|smoke',
      count: 30,
      firstTs: T0,
      lastTs: T0 + 29 * SECOND,
      note: '30号楼', // the latest note
      raisedNo: 1,
    });
  });

  it('keepsOneCardPerCompoundAndKind', () => {
    const items = [alarm(), alarm({ kind: 'gas_leak' }), alarm({ compoundId: 'B', compoundName: '乙小区' }), alarm()];
    const queue = updateQueue(EMPTY_QUEUE, newestFirst(items), criticalIn('A', 'B'), T0);
    expect(queue.cards.map((card) => [card.key, card.count])).toEqual([
      ['A|gas_leak', 1],
      ['A|smoke', 2],
      ['B|smoke', 1],
    ]);
  });

  it('ordersBySeverityThenOldestFirst', () => {
    const items = [
      alarm({ compoundId: 'B', ts: T0 + 2 * SECOND }),
      alarm({ compoundId: 'C', ts: T0 + SECOND }),
      alarm({ compoundId: 'D', ts: T0, severity: 'warning', kind: 'door_open' }),
      alarm({ compoundId: 'A', ts: T0 + 3 * SECOND }),
    ];
    const queue = updateQueue(EMPTY_QUEUE, newestFirst(items), criticalIn('A', 'B', 'C', 'D'), T0 + 5 * SECOND);
    expect(queue.cards.map((card) => card.compoundId)).toEqual(['C', 'B', 'A', 'D']);
  });

  it('aCardTakesTheHighestSeverityFoldedIn', () => {
    const items = [alarm({ kind: 'door_open', severity: 'warning' }), alarm({ kind: 'door_open', ts: T0 + SECOND })];
    const [card] = updateQueue(EMPTY_QUEUE, newestFirst(items), criticalIn('A'), T0 + 2 * SECOND).cards;
    expect(card).toMatchObject({ severity: 'critical', count: 2 });
  });

  it('removesACardWhenItsCompoundHasNoOpenCriticalIncident', () => {
    const items = newestFirst([alarm(), alarm({ compoundId: 'B' })]);
    const both = updateQueue(EMPTY_QUEUE, items, criticalIn('A', 'B'), T0);
    const closed = updateQueue(both, [], criticalIn('B'), T0 + SECOND);
    expect(closed.cards.map((card) => card.compoundId)).toEqual(['B']);
    expect(updateQueue(closed, [], criticalIn(), T0 + 2 * SECOND).cards).toEqual([]);
  });

  it('removesACardSomeMinutesAfterItsLastEvent', () => {
    const first = updateQueue(EMPTY_QUEUE, [alarm()], criticalIn('A'), T0);
    const later = updateQueue(first, [alarm({ ts: T0 + 2 * MINUTE })], criticalIn('A'), T0 + 2 * MINUTE);
    const { lingerMs } = QUEUE_DEFAULTS;
    expect(updateQueue(later, [], criticalIn('A'), T0 + 2 * MINUTE + lingerMs).cards).toHaveLength(1);
    expect(updateQueue(later, [], criticalIn('A'), T0 + 2 * MINUTE + lingerMs + 1).cards).toEqual([]);
  });

  it('raisesNoCardForAnAlarmOlderThanTheLinger', () => {
    const stale = alarm({ ts: T0 - QUEUE_DEFAULTS.lingerMs - 1 });
    expect(updateQueue(EMPTY_QUEUE, [stale], criticalIn('A'), T0)).toBe(EMPTY_QUEUE);
  });

  it('returnsTheSameQueueWhenNothingChanged', () => {
    const queue = updateQueue(EMPTY_QUEUE, [alarm()], criticalIn('A'), T0);
    expect(updateQueue(queue, [], criticalIn('A'), T0 + SECOND)).toBe(queue);
  });

  it('staysBoundedWhateverTheRate', () => {
    const options = { ...QUEUE_DEFAULTS, maxCards: 3 };
    const everywhere = criticalIn('A', 'B', 'C', 'D', 'E');
    let queue = EMPTY_QUEUE;
    for (let tick = 0; tick < 200; tick++) {
      const items = Array.from({ length: 100 }, (_, i) =>
        alarm({ compoundId: 'ABCDE'[i % 5], kind: i % 2 ? 'smoke' : 'gas_leak', ts: T0 + tick * 250 }),
      );
      queue = updateQueue(queue, newestFirst(items), everywhere, T0 + tick * 250, options);
    }
    expect(queue.cards).toHaveLength(3);
    expect(queue.cards.reduce((sum, card) => sum + card.count, 0)).toBe(3 * 2_000);
    expect(JSON.stringify(queue).length).toBeLessThan(2_000);
  });

  it('tellsWhichCardsAStepRaised', () => {
    const one = updateQueue(EMPTY_QUEUE, [alarm()], criticalIn('A', 'B'), T0);
    const two = updateQueue(one, [alarm({ compoundId: 'B' }), alarm()], criticalIn('A', 'B'), T0 + SECOND);
    expect(raisedCards(one, two).map((card) => card.key)).toEqual(['B|smoke']);
  });

  it('showsAtMostNAndCountsTheRest', () => {
    const items = ['A', 'B', 'C', 'D', 'E'].map((compoundId, i) => alarm({ compoundId, ts: T0 + i }));
    const queue = updateQueue(EMPTY_QUEUE, newestFirst(items), criticalIn('A', 'B', 'C', 'D', 'E'), T0 + SECOND);
    const { shown, more } = visibleCards(queue, 3);
    expect(shown.map((card) => card.compoundId)).toEqual(['A', 'B', 'C']);
    expect(more).toBe(2);
    expect(visibleCards(queue, 9)).toMatchObject({ more: 0 });
    expect(visibleCards(queue, 0)).toMatchObject({ shown: [], more: 5 });
  });
});
