// From the command line's flags and a validated profile to the stream of events to send. Checks
// the flags that only make sense against the profile: dates inside its coverage, a rate its
// burst can take, options of the other profile type.
import { parseEventTime, SOURCES, type ProducerEvent, type Source } from '../relay/contract/index.ts';
import { dayOf, formatDay, localClock, parseDay, parseUtcOffset } from './generate/calendar.ts';
import type { SimCompound } from './generate/compounds.ts';
import { historicalEvents } from './generate/historical.ts';
import { loadEvents } from './generate/load.ts';
import { scheduledCount } from './generate/loadSchedule.ts';
import { UsageError, type Flags } from './flags.ts';
import { peakFactor } from './profile/checks.ts';
import { MAX_RATE, type HistoricalProfile, type LoadProfile, type Profile } from './profile/schema.ts';

export interface EventSourceContext {
  flags: Flags;
  profile: Profile;
  /** How errors name the profile, e.g. `historical.json`. */
  profileLabel: string;
  compounds: readonly SimCompound[];
  /** Wall-clock ms; a load run starts now unless --from says otherwise. */
  now: number;
}

/** A profile's events, and what the run needs to know about them beforehand. */
export interface ProfileEvents {
  events: Iterable<ProducerEvent>;
  type: Profile['type'];
  /** How many events the run will send, when that is known before it starts. */
  expected: number | null;
}

function sourcesOf(context: EventSourceContext, available: readonly Source[]): Source[] {
  const { flags, profileLabel } = context;
  if (flags.sources === null) return [...available];
  const missing = flags.sources.find((source) => !available.includes(source));
  if (missing) throw new UsageError(`--sources: profile ${profileLabel} has no ${missing} events`);
  return flags.sources;
}

function historicalDay(text: string, flag: '--from' | '--to', profile: HistoricalProfile): number {
  const day = parseDay(text);
  if (day === null) throw new UsageError(`${flag} must be a date YYYY-MM-DD for a historical profile, got ${JSON.stringify(text)}`);
  const { from, to } = profile.coverage;
  if (day < dayOf(from) || day > dayOf(to)) {
    throw new UsageError(`${flag} ${text} is outside the profile's coverage ${from}…${to}`);
  }
  return day;
}

function historicalSource(context: EventSourceContext, profile: HistoricalProfile): ProfileEvents {
  const { flags } = context;
  if (flags.rate !== undefined) throw new UsageError('--rate applies to load profiles, not to a historical one');
  if (flags.durationMs !== undefined) throw new UsageError('--duration applies to load profiles; use --from/--to here');
  const fromDay = historicalDay(flags.from ?? profile.window.from, '--from', profile);
  const toDay = historicalDay(flags.to ?? profile.window.to, '--to', profile);
  if (fromDay > toDay) throw new UsageError(`--from ${formatDay(fromDay)} is after --to ${formatDay(toDay)}`);
  const sources = sourcesOf(context, SOURCES.filter((source) => profile[source] !== undefined));
  const events = historicalEvents({ profile, compounds: context.compounds, seed: flags.seed, sources, fromDay, toDay });
  return { events, type: 'historical', expected: null };
}

/** A load run's start: an ISO time with offset, epoch ms, or a date (local midnight). */
function loadStart(text: string, profile: LoadProfile): number {
  const day = parseDay(text);
  const offset = parseUtcOffset(profile.timeZone.utcOffset) ?? 0;
  const ms = day !== null ? localClock(offset).dayStart(day) : parseEventTime(/^\d+$/.test(text) ? Number(text) : text);
  if (ms === null) {
    throw new UsageError(`--from must be a date, an ISO time with offset or epoch ms for a load profile, got ${JSON.stringify(text)}`);
  }
  return ms;
}

function loadSource(context: EventSourceContext, profile: LoadProfile): ProfileEvents {
  const { flags } = context;
  if (flags.to !== undefined) throw new UsageError('--to applies to historical profiles; a load run lasts --duration');
  const rate = flags.rate ?? profile.rate.default;
  const peak = rate * peakFactor(profile);
  if (peak > MAX_RATE) {
    const highest = Math.floor(MAX_RATE / peakFactor(profile));
    throw new UsageError(`--rate ${rate} peaks at ${peak} events/s in the profile's phases; at most ${MAX_RATE} (use --rate ≤ ${highest})`);
  }
  const sources = sourcesOf(context, SOURCES);
  const durationMs = flags.durationMs ?? profile.duration.defaultSeconds * 1000;
  const events = loadEvents({
    profile,
    compounds: context.compounds,
    seed: flags.seed,
    sources,
    rate,
    durationMs,
    startMs: flags.from !== undefined ? loadStart(flags.from, profile) : context.now,
  });
  return { events, type: 'load', expected: scheduledCount(profile.phases, rate, durationMs) };
}

export function eventSource(context: EventSourceContext): ProfileEvents {
  const { profile } = context;
  return profile.type === 'historical' ? historicalSource(context, profile) : loadSource(context, profile);
}
