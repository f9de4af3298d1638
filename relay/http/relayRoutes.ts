// The relay's own endpoints: liveness and readiness probes for a load balancer, Prometheus
// metrics, and today's state as JSON.
import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { Snapshot } from '../state/index.ts';

export interface RelayRoutesOptions {
  /** True once the rebuild from Kafka has caught up. */
  isReady(): boolean;
  snapshot(): Snapshot;
  registry: Registry;
}

export function relayRoutes({ isReady, snapshot, registry }: RelayRoutesOptions): Router {
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
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'rebuilding' });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  router.get('/api/state', (_req, res) => {
    res.json(snapshot());
  });
  return router;
}
