// Integration tests talk to a real Kafka: the cluster named by KAFKA_BROKERS, or else a
// single-node broker started here for the run and stopped (its data removed) afterwards, with a
// SASL_SSL listener (ACLs enforced) beside its PLAINTEXT one for the tests of secured clusters.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { waitUntilServing } from './kafkaAdmin.ts';
import { startBroker } from './kafkaBroker.ts';
import { grantTestAcls } from './kafkaSecure.ts';
import { freePort } from './ports.ts';
import { KAFKA_CACHE_DIR, ensureKafkaJars } from './kafkaJars.ts';

const EXTERNAL_WAIT_MS = 15_000;
export default async function setup({ provide, name }: TestProject) {
  // Kept after the run (the data dir is not), for reading when a test failed; one per project.
  const LOG_FILE = join(KAFKA_CACHE_DIR, `${name}-broker.log`);
  const external = process.env.KAFKA_BROKERS?.trim();
  if (external) {
    await waitUntilServing(external, EXTERNAL_WAIT_MS);
    provide('kafkaBrokers', external);
    // Its security is not ours to know: the tests of a secured listener do not run.
    provide('kafkaSecure', null);
    console.log(`kafka: using KAFKA_BROKERS=${external}`);
    return;
  }
  ensureKafkaJars();
  await writeFile(LOG_FILE, '');
  const started = Date.now();
  const broker = await startBroker({ port: await freePort(), logFile: LOG_FILE, secure: true });
  await grantTestAcls(broker.brokers);
  provide('kafkaBrokers', broker.brokers);
  provide('kafkaSecure', broker.secure);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`kafka: broker at ${broker.brokers} started in ${seconds} s (log: ${LOG_FILE})`);
  return async () => {
    await broker.stop();
    await rm(broker.dataDir, { recursive: true, force: true });
  };
}
