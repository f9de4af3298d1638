// The relay's Prometheus metrics, in a registry of its own (several relays can share a test
// process). Per-event counts are added once per batch, not once per message.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RelayMetrics = ReturnType<typeof createRelayMetrics>;

export function createRelayMetrics() {
  const registry = new Registry();
  // Process RSS, heap, event-loop lag: what an operator checks first on a 24/7 relay.
  collectDefaultMetrics({ register: registry, prefix: 'relay_' });
  // Versions tell an attacker which flaws to try; operators know what they deployed.
  registry.removeSingleMetric('relay_nodejs_version_info');
  const registers = [registry];
  return {
    registry,
    consumed: new Counter({
      name: 'relay_events_consumed_total',
      help: 'Messages read from the source topics, by source (accepted, duplicate or rejected).',
      labelNames: ['source'] as const,
      registers,
    }),
    duplicates: new Counter({
      name: 'relay_events_duplicate_total',
      help: 'Valid events already seen (same id), not counted again.',
      registers,
    }),
    rejected: new Counter({
      name: 'relay_events_rejected_total',
      help: 'Messages refused by the contract validator, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    batchesSkipped: new Counter({
      name: 'relay_batches_skipped_total',
      help: 'Record batches that could not be read (codec, corruption, size) and were dead-lettered and skipped, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    deadLettered: new Counter({
      name: 'relay_deadletter_written_total',
      help: 'Rejected messages written to the dead-letter topic.',
      registers,
    }),
    deadLetterDropped: new Counter({
      name: 'relay_deadletter_dropped_total',
      help: 'Rejected messages not written to the dead-letter topic (queue full or write failed).',
      registers,
    }),
    fetches: new Counter({
      name: 'relay_kafka_fetches_total',
      help: 'Fetches Kafka answered, empty or not (about one per broadcast tick; more while catching up).',
      registers,
    }),
    lag: new Gauge({
      name: 'relay_consumer_lag',
      help: 'Messages behind the high-water mark, per topic partition.',
      labelNames: ['topic', 'partition'] as const,
      registers,
    }),
    ready: new Gauge({
      name: 'relay_ready',
      help: '1 once the rebuild from midnight has caught up, else 0.',
      registers,
    }),
    upstreamAvailable: new Gauge({
      name: 'relay_upstream_available',
      help: '1 while the relay hears from Kafka (a fetch answered within the last seconds), else 0.',
      registers,
    }),
    walls: new Gauge({ name: 'relay_walls_connected', help: 'Walls connected now.', registers }),
    wallMessagesIgnored: new Counter({
      name: 'relay_wall_messages_ignored_total',
      help: 'Messages from walls other than a snapshot request, ignored.',
      registers,
    }),
    wallsRefused: new Counter({
      name: 'relay_walls_refused_total',
      help: 'Wall connections refused, by reason: token (missing or wrong), throttled (too many tries from the address), origin, host, rate (handshakes per address).',
      labelNames: ['reason'] as const,
      registers,
    }),
    httpRefused: new Counter({
      name: 'relay_http_refused_total',
      help: 'HTTP requests refused before any route, by reason: host (not one of the relay\'s names), body (requests carry none).',
      labelNames: ['reason'] as const,
      registers,
    }),
    deltasSkipped: new Counter({
      name: 'relay_wall_deltas_skipped_total',
      help: 'Deltas not sent to a wall whose connection was still busy (it resyncs by snapshot).',
      registers,
    }),
    wallBufferedBytes: new Gauge({
      name: 'relay_wall_buffered_bytes',
      help: 'Bytes written to walls and not yet taken by the kernel, over all walls, at the last tick.',
      registers,
    }),
    snapshotsSent: new Counter({
      name: 'relay_wall_snapshots_sent_total',
      help: 'Snapshots sent to walls (at the tick after a wall connects or asks for one).',
      registers,
    }),
    snapshotsEncoded: new Counter({
      name: 'relay_snapshots_encoded_total',
      help: 'Snapshots serialised: for walls, once per tick that has walls waiting for one; for http, once per tick whose view GET /api/state asked for.',
      labelNames: ['for'] as const,
      registers,
    }),
    tickDuration: new Histogram({
      name: 'relay_tick_duration_seconds',
      help: 'Time to take one delta from the state and emit it to the walls.',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
      registers,
    }),
    eventToEmit: new Histogram({
      name: 'relay_event_to_emit_seconds',
      help: 'From an event\'s message timestamp (Kafka or bus) to the emit of the delta that carried it; live events only.',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
  };
}
