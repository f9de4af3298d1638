// Newline-delimited JSON, one contract event per line: what `--out` writes and `--in` reads.
import { isKind, parseEventTime, type ProducerEvent } from '../../relay/contract/index.ts';

export function encodeBatch(events: readonly ProducerEvent[]): string {
  let text = '';
  for (const event of events) text += `${JSON.stringify(event)}\n`;
  return text;
}

/**
 * One line back into an event, checked only as far as replaying needs (an id, a known kind, a
 * readable time); the relay's validator judges the rest when the events arrive. Throws a
 * one-line reason.
 */
export function decodeLine(line: string): ProducerEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const { id, kind, ts } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') throw new Error('id must be a non-empty string');
  if (typeof kind !== 'string' || !isKind(kind)) throw new Error(`unknown kind ${JSON.stringify(kind)}`);
  if ((typeof ts !== 'string' && typeof ts !== 'number') || parseEventTime(ts) === null) {
    throw new Error('ts must be ISO-8601 with an offset or epoch ms');
  }
  return value as ProducerEvent;
}
