// What the relay does with a record batch its source could not read and moved past: count it
// (by reason, and its records against its source for the wall), and dead-letter where it was.
import { SOURCES, topicNames, type Source } from '../contract/index.ts';
import type { RelayMetrics } from '../metrics.ts';
import { recordSkipped, type RelayState } from '../state/index.ts';
import { skippedBatchLetter, type DeadLetterSink } from './deadLetter.ts';
import type { SkipHandler } from './record.ts';

export interface SkipRecorderOptions {
  state: RelayState;
  topicPrefix: string;
  deadLetters: DeadLetterSink;
  metrics: Pick<RelayMetrics, 'batchesSkipped'>;
  now(): number;
}

export function createSkipRecorder({ state, topicPrefix, deadLetters, metrics, now }: SkipRecorderOptions): SkipHandler {
  const topics = topicNames(topicPrefix);
  const sourceOf = new Map<string, Source>(SOURCES.map((source) => [topics[source], source]));
  return (batch) => {
    metrics.batchesSkipped.inc({ reason: batch.reason });
    const source = sourceOf.get(batch.topic);
    if (source !== undefined) recordSkipped(state, source, batch.records, now());
    deadLetters.write([skippedBatchLetter(batch)]);
  };
}
