// Which queued dead letters go out in the next produce request. A request's letters to one
// partition form one record batch, and the broker refuses a batch over its message.max.bytes
// (1 MB by default) whole: so a request is bounded in bytes as well as in letters. A letter
// keeps up to 2,048 characters of its original, which is up to about 8 KB of JSON.
import type { DeadLetter } from './deadLetter.ts';

/** Bytes per request: half the broker's default limit, whatever the partitioner does. */
export const MAX_BATCH_BYTES = 512 * 1024;

const sizeOf = ({ key, value }: DeadLetter) => Buffer.byteLength(key) + Buffer.byteLength(value);

/** Removes from the head of `queue` and returns the longest run within both limits (at least one letter). */
export function takeBatch(queue: DeadLetter[], maxLetters: number, maxBytes = MAX_BATCH_BYTES): DeadLetter[] {
  let count = 0;
  let bytes = 0;
  while (count < queue.length && count < maxLetters) {
    const size = sizeOf(queue[count]!);
    if (count > 0 && bytes + size > maxBytes) break;
    bytes += size;
    count++;
  }
  return queue.splice(0, count);
}
