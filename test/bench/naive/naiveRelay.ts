// The baseline the relay is measured against, as one would first write it: a kafkajs consumer
// that parses each message and emits it at once to every wall — one Socket.IO message per Kafka
// event. No validation, no state, no tick, no care for slow walls. It runs as a child process of
// the bench so that its CPU time is its own; started by naiveRelayProcess.ts.
//
// Environment: KAFKA_BROKERS (host:port,…), TOPIC_PREFIX. It listens on a free port and tells its
// parent `{ port }` over IPC once its consumer has joined, reading the topics from the beginning.
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { SOURCES, topicNames } from '../../../relay/contract/index.ts';
import { parseBrokers } from '../../infra/kafkaAdmin.ts';
import { NAIVE_EVENT, type NaiveRelayReady } from './naiveProtocol.ts';

async function main(): Promise<void> {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '');
  const topics = topicNames(process.env.TOPIC_PREFIX);
  const httpServer = createServer();
  const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  const kafka = new Kafka({ clientId: 'bench-naive-relay', brokers, logLevel: logLevel.NOTHING });
  // The relay's own consumer settings, so the two differ only in what they do with a message.
  const consumer = kafka.consumer({ groupId: `bench-naive-${randomUUID()}`, maxWaitTimeInMs: 500 });
  consumer.on(consumer.events.GROUP_JOIN, () => process.send?.({ port } satisfies NaiveRelayReady));
  await consumer.connect();
  await consumer.subscribe({ topics: SOURCES.map((source) => topics[source]), fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        if (message.value === null) continue;
        try {
          io.emit(NAIVE_EVENT, JSON.parse(message.value.toString('utf8')));
        } catch {
          // Not JSON: the naive relay drops it.
        }
      }
    },
  });
  process.on('SIGTERM', () => {
    void consumer.disconnect().finally(() => process.exit(0));
  });
}

await main();
