// `--in FILE`: replaying a file written by `--out`, optionally only some sources' events.
import { KIND_INFO, type ProducerEvent, type Source } from '../relay/contract/index.ts';
import { readEventsFile } from './targets/file.ts';

export async function* replayFile(path: string, sources: readonly Source[] | null): AsyncGenerator<ProducerEvent, void, undefined> {
  for await (const event of readEventsFile(path)) {
    if (sources === null || sources.includes(KIND_INFO[event.kind].source)) yield event;
  }
}
