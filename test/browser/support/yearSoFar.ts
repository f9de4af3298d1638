// A year of grid and hotline cases so far, as the relay would have read them on a real day: the
// historical profile's cases from 1 January of its year to the same day of the year as today,
// moved onto this year (whole days, times of day kept), and nothing after now; with them the
// sensor alarms and 110 calls of yesterday and today, so the rest of the wall is not empty. Events that give a
// position also name its compound, so the rig keys every event of a case to one partition (as
// the simulator's Kafka target does), keeping its steps in order.
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { loadPack } from '../../../geo/loadPack.ts';
import { CASE_SOURCES, parseEventTime, type ProducerEvent, type Source } from '../../../relay/contract/index.ts';
import { createDayClock } from '../../../relay/state/dayClock.ts';
import { dayOf, DAY_MS } from '../../../simulator/generate/calendar.ts';
import { simCompoundsFromPack } from '../../../simulator/generate/compounds.ts';
import { historicalEvents } from '../../../simulator/generate/historical.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';

/** Events with `ts` in epoch ms, in time order. */
export type TimedEvent = ProducerEvent & { ts: number };

export async function yearSoFar(now: number): Promise<TimedEvent[]> {
  const profile = await readProfile('historical');
  if (profile.type !== 'historical') throw new Error('the bundled historical profile is not historical');
  const today = createDayClock(profile.timeZone.name).dayOf(now).date;
  const year = profile.coverage.from.slice(0, 4);
  const fromDay = dayOf(`${year}-01-01`);
  const shift = dayOf(`${today.slice(0, 4)}-01-01`) - fromDay;
  const toDay = Math.min(dayOf(today) - shift, dayOf(profile.coverage.to));
  const pack = await loadPack();
  const locator = createCompoundLocator(pack.compounds.features);
  const compounds = simCompoundsFromPack(pack);
  const events: TimedEvent[] = [];
  const add = (sources: readonly Source[], from: number) => {
    for (const event of historicalEvents({ profile, compounds, seed: 1, sources, fromDay: from, toDay })) {
      const ts = (parseEventTime(event.ts) ?? 0) + shift * DAY_MS;
      if (ts > now) continue;
      const located = event.compoundId ?? (event.lng !== undefined && event.lat !== undefined ? locator.locate(event.lng, event.lat) : null);
      events.push({ ...event, ts, ...(located ? { compoundId: located } : {}) });
    }
  };
  add(CASE_SOURCES, fromDay);
  add(['sensor', 'alarm110'], Math.max(fromDay, toDay - 1));
  return events.sort((a, b) => a.ts - b.ts);
}
