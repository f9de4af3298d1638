// The embedded demo's traffic: the simulator's historical replay, shifted to start now and
// compressed by the speed-up, published on the in-process bus. It starts at the historical
// window's first day at the wall's current time of day (so a demo opened in the afternoon shows
// afternoon traffic, not the quiet of a night) and starts over, with new event ids, when done.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GeoPack } from '../../geo/schema.ts';
import { dayOf, localClock, parseUtcOffset } from '../../simulator/generate/calendar.ts';
import { simCompoundsFromPack } from '../../simulator/generate/compounds.ts';
import { historicalEvents } from '../../simulator/generate/historical.ts';
import { readProfile } from '../../simulator/profile/readProfile.ts';
import { runSimulation } from '../../simulator/run.ts';
import { SOURCES, parseEventTime, type ProducerEvent } from '../contract/index.ts';
import { log } from '../log.ts';
import { createBusTarget } from './busTarget.ts';
import type { InProcessBus } from './inProcessBus.ts';

export interface HistoricalReplayOptions {
  bus: InProcessBus;
  topicPrefix: string;
  /** Historical time runs this many times faster than the wall clock. */
  speed: number;
  pack: GeoPack;
  /** Milliseconds since local midnight now, where the replay starts in its first day. */
  timeOfDayMs: number;
}

export interface HistoricalReplay {
  stop(): Promise<void>;
}

/** The events from `start` on; the generator yields in time order, so only the head is parsed. */
function* startingAt(events: Iterable<ProducerEvent>, start: number): Generator<ProducerEvent> {
  let reached = false;
  for (const event of events) {
    reached ||= (parseEventTime(event.ts) ?? start) >= start;
    if (reached) yield event;
  }
}

export function startHistoricalReplay(options: HistoricalReplayOptions): HistoricalReplay {
  const { bus, topicPrefix, speed, pack, timeOfDayMs } = options;
  const controller = new AbortController();
  const { signal } = controller;

  const replay = async () => {
    const profile = await readProfile('historical');
    if (profile.type !== 'historical') throw new Error('the bundled historical profile is not of type historical');
    const compounds = simCompoundsFromPack(pack);
    const clock = localClock(parseUtcOffset(profile.timeZone.utcOffset) ?? 0);
    const fromDay = dayOf(profile.window.from);
    const toDay = dayOf(profile.coverage.to);
    const start = clock.dayStart(fromDay) + timeOfDayMs;
    // Each pass draws with another seed, so its event ids are new to the relay's de-duplication.
    for (let seed = 1; !signal.aborted; seed++) {
      log.info({ seed, from: profile.window.from, speed }, 'embedded historical replay starting');
      const events = historicalEvents({ profile, compounds, seed, sources: SOURCES, fromDay, toDay });
      await runSimulation({
        events: startingAt(events, start),
        target: createBusTarget(bus, topicPrefix, signal),
        speed,
        sleep: (ms) => sleep(ms, undefined, { signal }),
      });
    }
  };

  const running = replay().catch((error: unknown) => {
    if (!signal.aborted) log.error({ err: error }, 'embedded historical replay stopped');
  });
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
