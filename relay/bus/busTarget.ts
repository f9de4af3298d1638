// The embedded bus as a simulator target: each event goes, as the JSON an upstream system would
// send, to its source's topic. Live timestamps, like any target that feeds a running relay.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sourceOfKind, topicNames, type ProducerEvent } from '../contract/index.ts';
import type { Target } from '../../simulator/targets/target.ts';
import type { InProcessBus } from './inProcessBus.ts';

export function createBusTarget(bus: InProcessBus, topicPrefix: string, signal: AbortSignal): Target {
  const topics = topicNames(topicPrefix);
  return {
    name: 'embedded bus',
    timestamps: 'live',
    async send(events: readonly ProducerEvent[]) {
      signal.throwIfAborted();
      const bySource = { sensor: [] as string[], camera: [] as string[], alarm110: [] as string[] };
      for (const event of events) bySource[sourceOfKind(event.kind)].push(JSON.stringify(event));
      for (const [source, values] of Object.entries(bySource)) {
        if (values.length > 0) bus.publish(topics[source as keyof typeof bySource], values);
      }
      // The bus delivers on the next turn; waiting for it keeps the replay from running ahead.
      await yieldToEventLoop();
    },
    close: async () => undefined,
  };
}
