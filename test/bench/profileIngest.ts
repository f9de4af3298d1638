// Profile tool (dev): the relay's own work per event, without Kafka. The load stream's events
// (the bench's mix) as the bytes Kafka hands over, through the relay's ingest (UTF-8, JSON,
// the contract's checks, the compound lookup, applying to the state, the metrics), in batches
// of INGEST_BATCH, with a tick's delta taken every INGEST_TICK events. Prints CPU µs per event
// for the whole path and for the checks alone, best of INGEST_RUNS runs, each on a fresh state.
// Run it under `node --cpu-prof --import tsx` to see where the time goes.
import { createCompoundLocator } from '../../geo/compoundLocator.ts';
import { loadPack } from '../../geo/loadPack.ts';
import { buildPackIndex } from '../../geo/packIndex.ts';
import { KIND_INFO, SOURCES, topicNames, validateEvent, type Source, type ValidationContext } from '../../relay/contract/index.ts';
import { createIngest } from '../../relay/ingest/ingestRecords.ts';
import type { IngestRecord } from '../../relay/ingest/record.ts';
import { createRelayMetrics } from '../../relay/metrics.ts';
import { createState, takeDelta } from '../../relay/state/index.ts';
import { simCompoundsFromPack } from '../../simulator/generate/compounds.ts';
import { loadEvents } from '../../simulator/generate/load.ts';
import { readProfile } from '../../simulator/profile/readProfile.ts';
import { steadyProfile } from './infra/loadStream.ts';

const EVENTS = Number(process.env.INGEST_EVENTS ?? 200_000);
const BATCH = Number(process.env.INGEST_BATCH ?? 200);
const TICK = Number(process.env.INGEST_TICK ?? 1_250);
const RUNS = Number(process.env.INGEST_RUNS ?? 5);
const RATE = 5_000;
const PREFIX = 'ingestprof';

const profile = await readProfile('load');
if (profile.type !== 'load') throw new Error('the bundled load profile is not a load profile');
const pack = await loadPack();
const index = buildPackIndex(pack);
const locator = createCompoundLocator(pack.compounds.features);
const lookup = { hasCompound: (id: string) => index.compounds.has(id), locate: (lng: number, lat: number) => locator.locate(lng, lat) };
const topics = topicNames(PREFIX);

// Events of the last EVENTS / RATE seconds, ending now: all of them today's and in the past.
const now = Date.now();
const durationMs = (EVENTS / RATE) * 1000;
const records: IngestRecord[] = [];
const sources: Source[] = [];
for (const event of loadEvents({ profile: steadyProfile(profile), compounds: simCompoundsFromPack(pack), seed: 7, sources: SOURCES, rate: RATE, durationMs, startMs: now - durationMs })) {
  sources.push(KIND_INFO[event.kind].source);
  records.push({ topic: topics[KIND_INFO[event.kind].source], partition: 0, offset: String(records.length), timestamp: typeof event.ts === 'number' ? event.ts : Date.parse(event.ts), value: Buffer.from(JSON.stringify(event)) });
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function wholePath(): number {
  const state = createState(index, now);
  const ingest = createIngest({
    state,
    topicPrefix: PREFIX,
    lookup,
    deadLetters: { write: () => undefined, close: async () => undefined },
    metrics: createRelayMetrics(),
    onApplied: () => undefined,
    now: () => now,
  });
  const started = cpuMicros();
  let sinceTick = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    ingest(records.slice(i, i + BATCH));
    sinceTick += BATCH;
    if (sinceTick >= TICK) {
      takeDelta(state, now);
      sinceTick = 0;
    }
  }
  return (cpuMicros() - started) / records.length;
}

function checksAlone(): number {
  const contexts = new Map(SOURCES.map((source): [Source, ValidationContext] => [source, { source, now, maxPastMs: Number.MAX_SAFE_INTEGER, ...lookup }]));
  const started = cpuMicros();
  records.forEach((record, i) => validateEvent(record.value, contexts.get(sources[i]!)!));
  return (cpuMicros() - started) / records.length;
}

function decodeAlone(): number {
  const decoder = new TextDecoder();
  const started = cpuMicros();
  for (const record of records) JSON.parse(decoder.decode(record.value as Uint8Array));
  return (cpuMicros() - started) / records.length;
}

const best = (measure: () => number) => Math.min(...Array.from({ length: RUNS }, measure));
const whole = best(wholePath);
const decode = best(decodeAlone);
const checks = best(checksAlone) - decode;
process.stdout.write(
  `${records.length} events in batches of ${BATCH}, a tick every ${TICK}; best of ${RUNS} runs, CPU µs per event:\n` +
    `  whole path ${whole.toFixed(2)}; UTF-8 and JSON.parse alone ${decode.toFixed(2)}; the checks beyond that ${checks.toFixed(2)}\n`,
);
