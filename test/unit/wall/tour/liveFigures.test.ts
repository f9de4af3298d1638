// A live card's number comes from the relay's view, the same way the panels derive theirs.
import { describe, expect, it } from 'vitest';
import { applyEvent, snapshot } from '../../../../relay/state/index.ts';
import { NO_FIGURE } from '../../../../wall/i18n/format.ts';
import { sourceCounters } from '../../../../wall/store/figures.ts';
import { liveValue } from '../../../../wall/tour/liveFigures.ts';
import { NOON, event, newState } from '../../state/helpers.ts';

function viewAfter(...events: Parameters<typeof event>[0][]) {
  const state = newState(NOON);
  for (const fields of events) applyEvent(state, event({ ts: NOON - 1_000, ...fields }), NOON);
  const view = snapshot(state, NOON);
  return { view, counters: sourceCounters(view, 0.5) };
}

describe('live figures of tour cards', () => {
  const { view, counters } = viewAfter(
    { kind: 'door_open', compoundId: 'SQ-C02' },
    { kind: 'door_open', compoundId: 'SQ-C22' },
    { kind: 'elderly_sos', compoundId: 'SQ-C22' },
    { kind: 'person_pass', compoundId: 'SQ-C02' },
    { kind: 'burglary', compoundId: 'SQ-C05' },
  );
  const value = (figure: Parameters<typeof liveValue>[0]) => liveValue(figure, view, counters).text;

  it('counts today’s events, alerts and kinds', () => {
    expect(value({ figure: 'events' })).toBe('5');
    expect(value({ figure: 'alerts', source: 'sensor' })).toBe('3');
    expect(value({ figure: 'kinds', kinds: ['door_open', 'elderly_sos'] })).toBe('3');
    expect(value({ figure: 'kinds', kinds: ['high_altitude_throw'] })).toBe('0');
  });

  it('counts one compound’s and one committee’s events', () => {
    expect(value({ figure: 'compoundEvents', compoundId: 'SQ-C02' })).toBe('2');
    expect(value({ figure: 'committeeEvents', committeeId: 'SQ-R07' })).toBe('2');
  });

  it('shows open incidents and the closure rate', () => {
    expect(value({ figure: 'openIncidents' })).toBe('4');
    expect(value({ figure: 'closureRate' })).toBe('0.0%');
    expect(liveValue({ figure: 'closureRate' }, viewAfter().view, []).text).toBe(NO_FIGURE);
  });

  it('shows grid and hotline cases and their rates, today or for the year', () => {
    const state = newState(NOON);
    const pile = event({ kind: 'rubbish_pile', ts: NOON - 1_000 });
    applyEvent(state, pile, NOON);
    applyEvent(state, event({ kind: 'rubbish_pile', ts: NOON - 40 * 86_400_000 }), NOON);
    applyEvent(state, { ...pile, id: 'closed', status: 'closed', ref: pile.id, step: { stage: 'closed' } }, NOON);
    const cases = snapshot(state, NOON);
    const shown = (figure: Parameters<typeof liveValue>[0]) => liveValue(figure, cases, []).text;
    expect(shown({ figure: 'cases', source: 'grid', period: 'today' })).toBe('1');
    expect(shown({ figure: 'cases', source: 'grid', period: 'year' })).toBe('2');
    expect(shown({ figure: 'caseRate', source: 'grid', rate: 'closure', period: 'year' })).toBe('50.0%');
    expect(shown({ figure: 'caseRate', source: 'hotline', rate: 'satisfaction', period: 'year' })).toBe(NO_FIGURE);
  });

  it('carries the comparison with yesterday for a source’s alerts only', () => {
    const alarm110 = counters.find((c) => c.source === 'alarm110');
    expect(liveValue({ figure: 'alerts', source: 'alarm110' }, view, counters).change).toBe(alarm110?.change ?? null);
    expect(liveValue({ figure: 'events' }, view, counters).change).toBeNull();
  });
});
