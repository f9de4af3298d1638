// Midnight rollover: when `now` passes the end of today, today's figures become yesterday's
// (kept for comparison and still counting late arrivals) and today's restart from zero. Open
// incidents stay open. After a gap of more than a day, yesterday starts empty too. Case cohorts
// roll the same way; on 1 January the year's start over and the case horizon moves on. As the
// clock moves, open cases past their deadline turn overdue.
import { markOverdueCases } from './applyCase.ts';
import { rollCaseDays } from './caseFigures.ts';
import { caseHorizon } from './caseState.ts';
import { createDayFigures } from './dayFigures.ts';
import { restartToday } from './rollups.ts';
import type { RelayState } from './state.ts';

/** Moves the state's clock to `now` (never backwards); true when a new day began. */
export function advanceClock(state: RelayState, now: number): boolean {
  if (now > state.now) state.now = now;
  markOverdueCases(state);
  if (state.now < state.today.day.end) return false;
  const { clock, config } = state;
  const day = clock.dayOf(state.now);
  state.yesterday =
    day.start === state.today.day.end
      ? state.today
      : createDayFigures(clock.dayOf(day.start - 1), config.closeSampleSize);
  state.today = createDayFigures(day, config.closeSampleSize);
  restartToday(state.rollups);
  rollCaseDays(state.cases.figures, state.today.day.date, state.yesterday.day.date);
  state.cases.since = caseHorizon(clock, day, config.caseLookbackDays);
  state.dayChanged = true;
  return true;
}
