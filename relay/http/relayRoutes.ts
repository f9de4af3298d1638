// The relay's own endpoints: liveness and readiness probes for a load balancer, Prometheus
// metrics, today's state as JSON, and the video wall's shape for walls to lay themselves out.
import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { UpstreamStatus } from '../broadcast/protocol.ts';
import type { WallShapeText } from '../broadcast/wallShape.ts';
import type { Snapshot } from '../state/index.ts';

export interface RelayRoutesOptions {
  /** True once the rebuild from Kafka has caught up. */
  isReady(): boolean;
  /** Whether Kafka answers now: while it does not, /readyz says so beside the readiness. */
  upstream(): UpstreamStatus;
  snapshot(): Snapshot;
  registry: Registry;
  /** The video wall's shape from the relay's configuration; a wall's URL overrides it. */
  wallShape: WallShapeText;
}

export function relayRoutes({ isReady, upstream, snapshot, registry, wallShape }: RelayRoutesOptions): Router {
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
  router.get('/api/wall-config', (_req, res) => {
    res.json(wallShape);
  });
  router.get('/api/state', (_req, res) => {
    res.json(snapshot());
  });
  return router;
}
