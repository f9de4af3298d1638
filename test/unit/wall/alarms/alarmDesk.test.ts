import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyEvent, snapshot, type RelayState } from '../../../../relay/state/index.ts';
import { ALARM_INTERRUPTER, AlarmDesk } from '../../../../wall/alarms/alarmDesk.svelte.ts';
import { CHIME_MIN_GAP_MS } from '../../../../wall/alarms/chime.ts';
import { NOON, closing, compoundAt, event, newState } from '../../state/helpers.ts';

const DWELL_MS = 2_000;

function newDesk(chime = false) {
  const moves: string[] = [];
  let chimes = 0;
  const desk = new AlarmDesk(
    { chime, dwellMs: DWELL_MS },
    {
      director: {
        interrupt: (by, compoundId) => moves.push(`${by} → ${compoundId}`),
        resume: (by) => moves.push(`${by} ←`),
      },
      chime: () => chimes++,
    },
  );
  return { desk, moves, chimes: () => chimes };
}

/** The relay's live view now, as the wall takes it. */
function show(desk: AlarmDesk, state: RelayState): void {
  desk.take(snapshot(state, Date.now()), Date.now());
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOON);
});
afterEach(() => vi.useRealTimers());

describe('alarm desk', () => {
  it('fliesToANewAlarmAndBackAfterTheDwell', () => {
    const state = newState(NOON);
    const { desk, moves } = newDesk();
    const stop = desk.start();
    show(desk, state);
    applyEvent(state, event({ kind: 'gas_leak', compoundId: compoundAt(5) }), Date.now());
    show(desk, state);
    expect(moves).toEqual([`${ALARM_INTERRUPTER} → ${compoundAt(5)}`]);
    expect(desk.focus).toBe(compoundAt(5));
    vi.advanceTimersByTime(DWELL_MS);
    expect(moves).toEqual([`alarm → ${compoundAt(5)}`, 'alarm ←']);
    expect(desk.focus).toBe('');
    stop();
  });

  it('closedEventsRemoveTheCard', () => {
    const state = newState(NOON);
    const { desk } = newDesk();
    show(desk, state);
    const storm = Array.from({ length: 30 }, (_, i) => event({ kind: 'smoke', compoundId: compoundAt(2), ts: NOON + i }));
    for (const e of storm) applyEvent(state, e, Date.now());
    show(desk, state);
    expect(desk.queue.cards.map((card) => [card.compoundId, card.kind, card.count])).toEqual([[compoundAt(2), 'smoke', 30]]);
    for (const e of storm) applyEvent(state, closing(e, NOON + 1_000), Date.now());
    show(desk, state);
    expect(desk.queue.cards).toEqual([]);
  });

  it('countsAnAlarmARestartedRelayOffersAgainOnce', () => {
    const storm = Array.from({ length: 3 }, (_, i) => event({ kind: 'smoke', compoundId: compoundAt(4), ts: NOON + i }));
    const before = newState(NOON);
    const { desk } = newDesk();
    show(desk, before);
    for (const e of storm) applyEvent(before, e, Date.now());
    show(desk, before);
    // The restarted relay numbers from 1 again, and has read the first two back so far.
    const restarted = newState(NOON);
    for (const e of storm.slice(0, 2)) applyEvent(restarted, e, Date.now());
    show(desk, restarted);
    expect(desk.queue.cards.map((card) => card.count)).toEqual([3]);
  });

  it('alarmsStandingWhenTheWallLoadsShowButNeitherFlyNorRing', () => {
    const state = newState(NOON);
    applyEvent(state, event({ kind: 'burglary', compoundId: compoundAt(9) }), Date.now());
    const { desk, moves, chimes } = newDesk(true);
    show(desk, state);
    expect(desk.queue.cards).toHaveLength(1);
    expect(moves).toEqual([]);
    expect(chimes()).toBe(0);
  });

  it('ringsOncePerNewCardAtMostEveryFewSeconds', () => {
    const state = newState(NOON);
    const { desk, chimes } = newDesk(true);
    show(desk, state);
    for (let i = 0; i < 4; i++) applyEvent(state, event({ kind: 'smoke', compoundId: compoundAt(i) }), Date.now());
    show(desk, state);
    expect(chimes()).toBe(1);
    vi.advanceTimersByTime(CHIME_MIN_GAP_MS / 2);
    applyEvent(state, event({ kind: 'smoke', compoundId: compoundAt(10) }), Date.now());
    show(desk, state);
    applyEvent(state, event({ kind: 'smoke', compoundId: compoundAt(10) }), Date.now());
    vi.advanceTimersByTime(CHIME_MIN_GAP_MS);
    show(desk, state); // a fold into a standing card: no new card, no chime
    expect(chimes()).toBe(1);
    applyEvent(state, event({ kind: 'smoke', compoundId: compoundAt(11) }), Date.now());
    show(desk, state);
    expect(chimes()).toBe(2);
  });

  it('theChimeIsOffUntilToggled', () => {
    const state = newState(NOON);
    const { desk, chimes } = newDesk(false);
    show(desk, state);
    applyEvent(state, event({ kind: 'smoke' }), Date.now());
    show(desk, state);
    expect(chimes()).toBe(0);
    desk.toggleChime(); // rings once to say so
    expect([desk.chimeOn, chimes()]).toEqual([true, 1]);
    vi.advanceTimersByTime(CHIME_MIN_GAP_MS);
    applyEvent(state, event({ kind: 'smoke', compoundId: compoundAt(3) }), Date.now());
    show(desk, state);
    expect(chimes()).toBe(2);
  });

  it('givesTheCameraBackWhenStopped', () => {
    const state = newState(NOON);
    const { desk, moves } = newDesk();
    const stop = desk.start();
    show(desk, state);
    applyEvent(state, event({ kind: 'smoke' }), Date.now());
    show(desk, state);
    stop();
    expect(moves).toEqual([`alarm → ${compoundAt(0)}`, 'alarm ←']);
  });
});
