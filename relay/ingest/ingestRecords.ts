// The one path every record takes, whatever its source: validate against the contract (the
// topic names the source), apply to the state, or count the reject and dead-letter it. Rules
// that need the state (a grid or hotline step for an unknown case, or out of order) are judged
// by the state and dead-lettered the same way. Nothing a record holds can stop the stream: the
// validator never throws, and a throw while applying is turned into an `internal_error` reject.
import {
  isCaseSource,
  topicNames,
  validateEvent,
  SOURCES,
  type RejectReason,
  type Source,
  type ValidationContext,
} from '../contract/index.ts';
import { applyEvent, recordRejected, type RelayState } from '../state/index.ts';
import type { RelayMetrics } from '../metrics.ts';
import { deadLetterOf, type DeadLetter, type DeadLetterSink } from './deadLetter.ts';
import type { IngestRecord, RecordHandler } from './record.ts';

export interface CompoundLookup {
  hasCompound(id: string): boolean;
  /** WGS84 position → compound id, or null. */
  locate(lng: number, lat: number): string | null;
}

export interface IngestOptions {
  state: RelayState;
  topicPrefix: string;
  lookup: CompoundLookup;
  deadLetters: DeadLetterSink;
  metrics: Pick<RelayMetrics, 'consumed' | 'duplicates' | 'rejected'>;
  /** Told the message timestamp of each event that changed the state (for the latency metric). */
  onApplied(messageTimestamp: number): void;
  now(): number;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n', 1)[0] ?? '').slice(0, 200);
}

export function createIngest(options: IngestOptions): RecordHandler {
  const { state, lookup, deadLetters, metrics, onApplied, now } = options;
  const topics = topicNames(options.topicPrefix);
  const sourceOf = new Map<string, Source>(SOURCES.map((source) => [topics[source], source]));

  return (records: readonly IngestRecord[]) => {
    const at = now();
    const context = (source: Source): ValidationContext => {
      const base = { source, now: at, hasCompound: lookup.hasCompound, locate: lookup.locate };
      // Cases are taken back to the state's horizon (1 January less the look-back).
      return isCaseSource(source) ? { ...base, maxPastMs: Math.max(0, at - state.cases.since) } : base;
    };
    const contexts = new Map<Source, ValidationContext>(SOURCES.map((source) => [source, context(source)]));
    const consumed = new Map<Source, number>();
    const rejected = new Map<RejectReason, number>();
    const letters: DeadLetter[] = [];
    let duplicates = 0;

    const refuse = (record: IngestRecord, reason: RejectReason, detail: string) => {
      recordRejected(state, reason, at);
      rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
      letters.push(deadLetterOf(record, reason, detail));
    };

    for (const record of records) {
      const source = sourceOf.get(record.topic);
      // Sources deliver only the source topics; anything else is not ours to judge.
      if (source === undefined) continue;
      consumed.set(source, (consumed.get(source) ?? 0) + 1);
      const result = validateEvent(record.value, contexts.get(source)!);
      if (!result.ok) {
        refuse(record, result.reason, result.detail);
        continue;
      }
      try {
        const outcome = applyEvent(state, result.event, at);
        if (outcome === 'duplicate') duplicates++;
        else if (outcome === 'conflict') refuse(record, 'id_conflict', `id ${JSON.stringify(result.event.id)} was seen before with other content`);
        else if (outcome === 'applied') onApplied(record.timestamp);
        else if (typeof outcome === 'object') refuse(record, outcome.reason, outcome.detail);
      } catch (error) {
        refuse(record, 'internal_error', `applying the event failed: ${describe(error)}`);
      }
    }

    for (const [source, count] of consumed) metrics.consumed.inc({ source }, count);
    for (const [reason, count] of rejected) metrics.rejected.inc({ reason }, count);
    if (duplicates > 0) metrics.duplicates.inc(duplicates);
    if (letters.length > 0) deadLetters.write(letters);
  };
}
