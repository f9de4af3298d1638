// What the state keeps about grid and hotline cases: the book of cases (to judge steps and count
// open and overdue ones), the cohort figures, a feed of openings and steps, and the horizon —
// the earliest event time taken: 1 January of this year less a look-back, so that cases still
// open at the new year are known when their steps come.
import type { DayClock, LocalDay } from './dayClock.ts';
import { createCaseBook, type CaseBook } from './caseBook.ts';
import { createCaseFigures, type CaseFigures } from './caseFigures.ts';
import { createCaseViews, type CaseViews } from './caseView.ts';
import type { StateConfig } from './config.ts';
import { createFeed, type Feed } from './feed.ts';
import type { Places } from './places.ts';

export interface CaseState {
  book: CaseBook;
  figures: CaseFigures;
  feed: Feed;
  /** Epoch ms: case events before this are not taken. */
  since: number;
  /** Local dates of openings before yesterday ('YYYY-MM-DD' in the state's zone). */
  dateFormat: Intl.DateTimeFormat;
  /** The views last built, kept while their figures do not change. */
  views: CaseViews;
}

const DAY_MS = 86_400_000;

/** 1 January of the local year `today` falls in. */
export function newYearsDay(clock: DayClock, today: LocalDay): LocalDay {
  const first = `${today.date.slice(0, 4)}-01-01`;
  // Noon UTC on 1 January is on 1 or 2 January anywhere; step back to the 1st.
  let day = clock.dayOf(Date.UTC(Number(today.date.slice(0, 4)), 0, 1, 12));
  while (day.date > first) day = clock.dayOf(day.start - 1);
  return day;
}

/** The first instant of the local day `lookbackDays` before 1 January of today's year. */
export function caseHorizon(clock: DayClock, today: LocalDay, lookbackDays: number): number {
  const newYear = newYearsDay(clock, today);
  return clock.dayOf(newYear.start - lookbackDays * DAY_MS + DAY_MS / 2).start;
}

export function createCaseState(
  places: Places,
  clock: DayClock,
  today: LocalDay,
  yesterday: LocalDay,
  config: Pick<StateConfig, 'maxCases' | 'caseFeedSize' | 'caseLookbackDays'>,
): CaseState {
  return {
    book: createCaseBook(config.maxCases),
    figures: createCaseFigures(places, today.date, yesterday.date),
    feed: createFeed(config.caseFeedSize),
    since: caseHorizon(clock, today, config.caseLookbackDays),
    // en-CA writes dates as ISO does; a formatter costs microseconds, a DayClock lookup a millisecond.
    dateFormat: new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    views: createCaseViews(),
  };
}

/** The local date of an instant: today's or yesterday's when it falls on them, else formatted. */
export function localDateOf(cases: CaseState, days: readonly LocalDay[], instant: number): string {
  const known = days.find((day) => instant >= day.start && instant < day.end);
  return known ? known.date : cases.dateFormat.format(instant);
}
