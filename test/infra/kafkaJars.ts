// The broker's jars come from Maven Central (no Docker, no Kafka tarball) and are cached under
// test/.cache/kafka/libs; a marker written after a complete fetch makes later runs instant.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaVersionOf, lastLines } from './kafkaConfig.ts';

export const KAFKA_CACHE_DIR = fileURLToPath(new URL('../.cache/kafka/', import.meta.url));
const POM = fileURLToPath(new URL('./kafka/pom.xml', import.meta.url));
const LIBS_DIR = join(KAFKA_CACHE_DIR, 'libs');
const MARKER = join(LIBS_DIR, '.fetched');

/** Names the pom's Kafka version and content, so editing the pom refetches. */
function markerText(pomXml: string): string {
  const digest = createHash('sha256').update(pomXml).digest('hex').slice(0, 16);
  return `kafka ${kafkaVersionOf(pomXml)} pom ${digest}\n`;
}

/** Makes sure the broker's jars are cached and returns the directory that holds them. */
export function ensureKafkaJars(): string {
  const pomXml = readFileSync(POM, 'utf8');
  const wanted = markerText(pomXml);
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === wanted) return LIBS_DIR;

  // On stderr: `kafka:up` prints only the bootstrap address on stdout, for scripts.
  const version = kafkaVersionOf(pomXml);
  console.error(`kafka: fetching Apache Kafka ${version} jars from Maven Central into ${LIBS_DIR} (once)…`);
  // Fetch beside the cache and swap it in whole, so an interrupted fetch never looks complete.
  const partial = `${LIBS_DIR}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const mvn = spawnSync(
    'mvn',
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`],
    { encoding: 'utf8' },
  );
  if (mvn.error) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`cannot run Maven to fetch the Kafka jars (${mvn.error.message}); install maven and a JDK 17+`);
  }
  if (mvn.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    const output = lastLines(`${mvn.stdout}\n${mvn.stderr}`, 15);
    throw new Error(`Maven could not fetch the Kafka jars (exit ${mvn.status}):\n${output}`);
  }
  writeFileSync(join(partial, '.fetched'), wanted);
  rmSync(LIBS_DIR, { recursive: true, force: true });
  try {
    renameSync(partial, LIBS_DIR);
  } catch (error) {
    // Another process finished the same fetch first: keep its copy.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(MARKER) || readFileSync(MARKER, 'utf8') !== wanted) throw error;
  }
  return LIBS_DIR;
}
