// The relay's own endpoints: liveness and readiness probes for a load balancer, Prometheus
// metrics, and today's state as JSON.
import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { UpstreamStatus } from '../broadcast/protocol.ts';
import type { Snapshot } from '../state/index.ts';

export interface RelayRoutesOptions {
  /** True once the rebuild from Kafka has caught up. */
  isReady(): boolean;
  /** Whether Kafka answers now: while it does not, /readyz says so beside the readiness. */
  upstream(): UpstreamStatus;
  snapshot(): Snapshot;
  registry: Registry;
}

export function relayRoutes({ isReady, upstream, snapshot, registry }: RelayRoutesOptions): Router {
  const router = Router();
  // Every answer here describes this instant.
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = isReady();
    const { available } = upstream();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'rebuilding', upstream: available ? 'available' : 'unavailable' });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  router.get('/api/state', (_req, res) => {
    res.json(snapshot());
  });
  return router;
}
