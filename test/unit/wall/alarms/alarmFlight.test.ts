import { describe, expect, it } from 'vitest';
import { createFlight, nextFlightDeadline, stepFlight, type Flight, type FlightCommand } from '../../../../wall/alarms/alarmFlight.ts';
import { EMPTY_QUEUE, updateQueue, type AlarmCard, type AlarmQueue } from '../../../../wall/alarms/alarmQueue.ts';
import type { FeedItem, RollupView } from '../../../../relay/protocol/snapshot.ts';
import { SECOND, T0, alarm, criticalIn } from './alarmItems.ts';

const OPTIONS = { dwellMs: 8 * SECOND, cooldownMs: 30 * SECOND };

/** A wall in fake time: the queue and the flight, stepped as the desk steps them; records the camera moves. */
class FakeWall {
  queue: AlarmQueue = EMPTY_QUEUE;
  flight: Flight;
  now = T0;
  rollups: RollupView[] = criticalIn('A', 'B', 'C', 'D', 'E');
  readonly moves: [number, FlightCommand][] = [];

  constructor() {
    this.flight = createFlight(this.now, this.queue);
  }

  get cards(): readonly AlarmCard[] {
    return this.queue.cards;
  }

  at(ms: number, items: FeedItem[] = []): this {
    this.now = T0 + ms;
    this.queue = updateQueue(this.queue, items, this.rollups, this.now);
    const { flight, command } = stepFlight(this.flight, this.cards, this.now, OPTIONS);
    this.flight = flight;
    if (command) this.moves.push([this.now - T0, command]);
    return this;
  }

  /** Steps every second until `ms`, as the desk's clock does. */
  runTo(ms: number): this {
    for (let t = Math.floor((this.now - T0) / SECOND) * SECOND + SECOND; t <= ms; t += SECOND) this.at(t);
    return this;
  }
}

describe('alarm fly-to', () => {
  it('fliesToANewHeadCardForTheDwellThenBack', () => {
    const wall = new FakeWall().at(1_000, [alarm({ compoundId: 'B', ts: T0 + 1_000 })]);
    expect(wall.flight.focus?.compoundId).toBe('B');
    wall.runTo(20_000);
    expect(wall.moves).toEqual([
      [1_000, { kind: 'fly', compoundId: 'B' }],
      [9_000, { kind: 'return' }],
    ]);
  });

  it('doesNotFlyForAFoldIntoACardAlreadyRaised', () => {
    const wall = new FakeWall().at(1_000, [alarm()]).runTo(60_000);
    wall.at(61_000, [alarm({ ts: T0 + 61_000 })]).runTo(120_000);
    expect(wall.cards[0]?.count).toBe(2);
    expect(wall.moves.map(([, move]) => move?.kind)).toEqual(['fly', 'return']);
  });

  it('returnsAtOnceWhenTheCardItShowsLeaves', () => {
    const wall = new FakeWall().at(1_000, [alarm({ compoundId: 'C' })]);
    wall.rollups = criticalIn();
    wall.at(3_000);
    expect(wall.moves).toEqual([
      [1_000, { kind: 'fly', compoundId: 'C' }],
      [3_000, { kind: 'return' }],
    ]);
  });

  it('aStormAcrossManyCompoundsFliesToTheOldestOnlyAndLetsTheMapRest', () => {
    const wall = new FakeWall();
    // Five compounds, a new one every 2 s, then each keeps alarming every second for 10 minutes.
    for (let t = 1_000; t <= 600_000; t += 1_000) {
      const started = Math.min(5, Math.floor((t - 1_000) / 2_000) + 1);
      wall.at(t, Array.from({ length: started }, (_, i) => alarm({ compoundId: 'ABCDE'[i], ts: T0 + t })));
    }
    expect(wall.cards.map((card) => card.compoundId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(wall.moves).toEqual([
      [1_000, { kind: 'fly', compoundId: 'A' }],
      [9_000, { kind: 'return' }],
    ]);
  });

  it('aMoreSevereCardRaisedDuringTheDwellFliesAfterTheCooldown', () => {
    const wall = new FakeWall().at(1_000, [alarm({ compoundId: 'A', severity: 'warning', kind: 'door_open' })]);
    wall.at(2_000, [alarm({ compoundId: 'B' })]).runTo(60_000);
    expect(wall.moves).toEqual([
      [1_000, { kind: 'fly', compoundId: 'A' }],
      [9_000, { kind: 'return' }],
      [39_000, { kind: 'fly', compoundId: 'B' }],
      [47_000, { kind: 'return' }],
    ]);
  });

  it('leavesTheMapHomeForACooldownAfterEveryFlight', () => {
    const wall = new FakeWall();
    // The worst case: each card's incident closes as a newer one is raised in another compound.
    for (let t = 1_000; t <= 600_000; t += 1_000) {
      const id = 'ABCDE'[(t / 1_000) % 5] ?? 'A';
      wall.rollups = criticalIn(id);
      wall.at(t, [alarm({ compoundId: id, ts: T0 + t })]);
    }
    const flights = wall.moves.filter(([, move]) => move?.kind === 'fly').map(([at]) => at);
    const returns = wall.moves.filter(([, move]) => move?.kind === 'return').map(([at]) => at);
    expect(flights.length).toBeGreaterThan(1);
    flights.slice(1).forEach((at, i) => expect(at - (returns[i] ?? 0)).toBeGreaterThanOrEqual(OPTIONS.cooldownMs));
    const away = returns.reduce((sum, at, i) => sum + at - (flights[i] ?? 0), 0);
    expect(away / 600_000).toBeLessThanOrEqual(OPTIONS.dwellMs / (OPTIONS.dwellMs + OPTIONS.cooldownMs));
  });

  it('cardsStandingWhenTheWallStartsDoNotFly', () => {
    const queue = updateQueue(EMPTY_QUEUE, [alarm()], criticalIn('A'), T0);
    expect(stepFlight(createFlight(T0, queue), queue.cards, T0 + SECOND, OPTIONS).command).toBeNull();
  });

  it('namesItsNextDeadline', () => {
    const wall = new FakeWall().at(1_000, [alarm()]);
    expect(nextFlightDeadline(wall.flight, wall.cards)).toBe(T0 + 9_000);
    wall.at(9_000);
    expect(nextFlightDeadline(wall.flight, wall.cards)).toBeNull();
    wall.at(10_000, [alarm({ compoundId: 'B', severity: 'critical', ts: T0 - 1 })]); // older: the new head
    expect(nextFlightDeadline(wall.flight, wall.cards)).toBe(T0 + 39_000);
  });
});
