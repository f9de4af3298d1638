// Kafka topic names of contract v1: one topic per upstream source (grid and hotline included),
// plus the relay's dead-letter topic. The prefix is configurable so several deployments can share one cluster.
import { SOURCES, type Source } from './kinds.ts';

export const DEFAULT_TOPIC_PREFIX = 'shiquan';

export type TopicNames = Record<Source | 'deadletter', string>;

// Kafka's legal topic characters and length limit; the longest suffix is '.deadletter'.
const KAFKA_TOPIC_CHARS = /^[A-Za-z0-9._-]+$/;
const KAFKA_TOPIC_MAX_LENGTH = 249;
const LONGEST_SUFFIX = '.deadletter';

function assertValidPrefix(prefix: string): void {
  if (!KAFKA_TOPIC_CHARS.test(prefix) || prefix === '.' || prefix === '..') {
    throw new Error(
      `invalid topic prefix ${JSON.stringify(prefix)}: use letters, digits, '.', '_' or '-'`,
    );
  }
  if (prefix.length + LONGEST_SUFFIX.length > KAFKA_TOPIC_MAX_LENGTH) {
    const longest = KAFKA_TOPIC_MAX_LENGTH - LONGEST_SUFFIX.length;
    throw new Error(`topic prefix is ${prefix.length} characters long; at most ${longest} are allowed`);
  }
}

/** The topic names for a prefix, `<prefix>.<source>` and `<prefix>.deadletter`; throws on a prefix Kafka would refuse. */
export function topicNames(prefix: string = DEFAULT_TOPIC_PREFIX): TopicNames {
  assertValidPrefix(prefix);
  const names = Object.fromEntries(SOURCES.map((source) => [source, `${prefix}.${source}`]));
  return { ...names, deadletter: `${prefix}.deadletter` } as TopicNames;
}

/** The source whose events a topic carries, or null (the dead-letter topic, foreign topics). */
export function sourceOfTopic(prefix: string, topic: string): Source | null {
  assertValidPrefix(prefix);
  if (!topic.startsWith(`${prefix}.`)) return null;
  const suffix = topic.slice(prefix.length + 1);
  return SOURCES.find((source) => source === suffix) ?? null;
}
