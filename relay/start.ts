// The relay as main.ts and the tests start it: the relay library (relay.ts) composed with the
// embedded demo's traffic — the simulator's historical profile, its day DEMO_DAY replayed as
// yesterday, today and every day after on the real calendar, after this year's grid and hotline
// cases so far (simulator/generate/demoDay.ts). With main.ts, the one place where the relay
// reaches into the simulator (the lint rule allows these two entry points only).
import type { GeoPack } from '../geo/schema.ts';
import { dayOf, parseDay } from '../simulator/generate/calendar.ts';
import { simCompoundsFromPack } from '../simulator/generate/compounds.ts';
import { demoDayEvents } from '../simulator/generate/demoDay.ts';
import { readProfile } from '../simulator/profile/readProfile.ts';
import { ConfigError, type RelayConfig } from './config.ts';
import { SOURCES } from './contract/index.ts';
import { runRelay, SYSTEM_CLOCK, type DemoTraffic, type RelayClock, type RunningRelay } from './relay.ts';

/** Checks the day against the profile (a ConfigError if it is not one of its days), then the events from a start. */
async function demoTraffic({ pack, day, pace }: { pack: GeoPack; day: string; pace: number }): Promise<DemoTraffic> {
  const profile = await readProfile('historical');
  if (profile.type !== 'historical') throw new Error('the bundled historical profile is not of type historical');
  const { from, to } = profile.coverage;
  const historical = parseDay(day);
  if (historical === null || historical < dayOf(from) || historical > dayOf(to)) {
    throw new ConfigError(`DEMO_DAY (--demo-day) must be a day the historical profile covers, ${from}…${to}, got ${JSON.stringify(day)}`);
  }
  const compounds = simCompoundsFromPack(pack);
  return (start) =>
    demoDayEvents({ profile, compounds, sources: SOURCES, day: historical, pace, ...start });
}

/** The relay on Kafka, or without KAFKA_BROKERS on the embedded demo. */
export function startRelay(config: RelayConfig, clock: RelayClock = SYSTEM_CLOCK): Promise<RunningRelay> {
  return runRelay(config, { demoTraffic }, clock);
}
