// Everything a browser test of the wall stands on, started in one call and stopped in one: the
// topics under a prefix of the test's own, a producer upstream, a relay serving the built wall
// and headless Chromium. If any part fails to start, the parts already started are stopped.
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { SOURCES, topicNames, type ProducerEvent } from '../../../relay/contract/index.ts';
import { launchChromium } from '../../infra/chromium.ts';
import { createTopics } from '../../infra/kafkaBroker.ts';
import { EventProducer, recordOf } from '../../integration/support/events.ts';
import { uniquePrefix } from '../../integration/support/relays.ts';
import { mapHasView } from './wallMap.ts';
import { mapReady, openWall, type WallPage } from './wallPage.ts';
import { WallRelay, type WallRelaySettings } from './wallRelay.ts';

/** The wall's reference screen. */
const FULL_HD = { width: 1920, height: 1080 };
/** Events produced in one request at most, so a large backlog goes in requests the broker accepts. */
const SEND_BATCH = 5_000;

type RelayOptions = Omit<WallRelaySettings, 'brokers' | 'prefix'>;

export interface WallRigOptions {
  /** Names the topics' prefix, so a run's topics tell which test made them. */
  name: string;
  partitions?: number;
  relay?: RelayOptions;
  /** Produced before the relay starts: history the relay has caught up with once started. */
  backlog?: ProducerEvent[];
}

export class WallRig {
  private readonly relays: WallRelay[];

  private constructor(
    private readonly brokers: string,
    private readonly prefix: string,
    private readonly producer: EventProducer,
    readonly relay: WallRelay,
    readonly browser: Browser,
  ) {
    this.relays = [relay];
  }

  static async start({ name, partitions = 3, relay = {}, backlog = [] }: WallRigOptions): Promise<WallRig> {
    const brokers = inject('kafkaBrokers');
    const prefix = uniquePrefix(name);
    const topics = topicNames(prefix);
    await createTopics(brokers, SOURCES.map((source) => topics[source]), { partitions });
    const started: { stop(): Promise<void> }[] = [];
    try {
      const producer = await EventProducer.connect(brokers);
      started.push({ stop: () => producer.close() });
      await sendEvents(producer, prefix, backlog);
      const wallRelay = await WallRelay.start({ brokers, prefix, ...relay });
      started.push(wallRelay);
      const { browser } = await launchChromium();
      return new WallRig(brokers, prefix, producer, wallRelay, browser);
    } catch (error) {
      for (const part of started.reverse()) await part.stop().catch(() => undefined);
      throw error;
    }
  }

  /** Produces the events to their topics and waits for the broker's acks. */
  send(events: readonly ProducerEvent[]): Promise<void> {
    return sendEvents(this.producer, this.prefix, events);
  }

  /** Another relay on the same topics, with settings of its own; stopped with the rig. */
  async startRelay(settings: RelayOptions): Promise<WallRelay> {
    const relay = await WallRelay.start({ brokers: this.brokers, prefix: this.prefix, ...settings });
    this.relays.push(relay);
    return relay;
  }

  /** A new page on the wall the relay serves, `query` appended to its URL. */
  openWall(query = '', viewport = FULL_HD): Promise<WallPage> {
    return openWall(this.browser, `${this.relay.url}${query}`, viewport);
  }

  /** A new page on the wall, once its map has drawn and shows a view from the relay. */
  async openWallWithView(query = '', viewport = FULL_HD): Promise<WallPage> {
    const wall = await this.openWall(query, viewport);
    await mapReady(wall.page);
    await mapHasView(wall.page);
    return wall;
  }

  /** Closes the browser, then stops the relays (the last started first) and the producer. */
  async stop(): Promise<void> {
    await this.browser.close();
    for (const relay of [...this.relays].reverse()) await relay.stop();
    await this.producer.close();
  }
}

async function sendEvents(producer: EventProducer, prefix: string, events: readonly ProducerEvent[]): Promise<void> {
  const records = events.map((event) => recordOf(prefix, event));
  for (let i = 0; i < records.length; i += SEND_BATCH) await producer.send(records.slice(i, i + SEND_BATCH));
}
