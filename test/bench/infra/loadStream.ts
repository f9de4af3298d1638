// Contract events into Kafka at a steady rate, made and sent by the simulator's own parts: its
// load generator (the load profile's mix of kinds, places, positions and incident follow-ups,
// held at one rate instead of its ramp and burst), its Kafka target and its run loop (pacing,
// live timestamps, batching). Every run gets a seed of its own, so no two runs share an id
// (the relay counts an id once).
import { createCompoundLocator } from '../../../geo/compoundLocator.ts';
import { loadPack } from '../../../geo/loadPack.ts';
import { SOURCES, type ProducerEvent } from '../../../relay/contract/index.ts';
import { simCompoundsFromPack, type SimCompound } from '../../../simulator/generate/compounds.ts';
import { loadEvents } from '../../../simulator/generate/load.ts';
import type { GroundTruth } from '../../../simulator/groundTruth.ts';
import { readProfile } from '../../../simulator/profile/readProfile.ts';
import type { LoadProfile } from '../../../simulator/profile/schema.ts';
import { runSimulation, type RunResult } from '../../../simulator/run.ts';
import { compoundKey, type EventKey } from '../../../simulator/targets/eventKey.ts';
import { openKafkaTarget } from '../../../simulator/targets/kafka.ts';
import type { Speed } from '../../../simulator/timeline.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';

export interface LoadSource {
  brokers: string[];
  profile: LoadProfile;
  compounds: SimCompound[];
  keyOf: EventKey;
  /** The seed of the next run. */
  nextSeed: number;
}

/** The load profile with its phases replaced by one steady hold at the asked rate. */
export function steadyProfile(profile: LoadProfile): LoadProfile {
  return { ...profile, phases: [{ name: 'hold', share: 1, fromRate: 1, toRate: 1, why: 'a benchmark holds one rate' }] };
}

export async function openLoadSource(brokers: string): Promise<LoadSource> {
  const profile = await readProfile('load');
  if (profile.type !== 'load') throw new Error('the bundled load profile is not a load profile');
  const pack = await loadPack();
  return {
    brokers: parseBrokers(brokers),
    profile: steadyProfile(profile),
    compounds: simCompoundsFromPack(pack),
    keyOf: compoundKey(createCompoundLocator(pack.compounds.features)),
    nextSeed: 1,
  };
}

export interface LoadRun {
  prefix: string;
  /** Events per second. */
  rate: number;
  seconds: number;
  /** 1: on the schedule; max: as fast as Kafka takes them. */
  speed?: Speed;
  /** Each batch as it is handed to the producer, with the time. */
  onSent?(events: readonly ProducerEvent[], at: number): void;
}

export async function sendLoad(source: LoadSource, run: LoadRun): Promise<RunResult> {
  const durationMs = run.seconds * 1000;
  const events = loadEvents({
    profile: source.profile,
    compounds: source.compounds,
    seed: source.nextSeed++,
    sources: SOURCES,
    rate: run.rate,
    durationMs,
    startMs: Date.now(),
  });
  const target = await openKafkaTarget({ brokers: source.brokers, topicPrefix: run.prefix, keyOf: source.keyOf });
  return runSimulation({ events, target, speed: run.speed ?? 1, ...(run.onSent ? { onSent: run.onSent } : {}) });
}

/** Events a relay's totals count: all but the `closed` follow-ups and the later steps of cases. */
export function countedEvents(truth: GroundTruth): number {
  return SOURCES.reduce((sum, source) => {
    const { events, closed, steps } = truth.bySource[source];
    return sum + events - closed - steps;
  }, 0);
}
