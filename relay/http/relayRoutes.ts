// The relay's own endpoints: liveness and readiness probes for a load balancer, Prometheus
// metrics, today's state as JSON, and the video wall's shape for walls to lay themselves out.
// With a WALL_TOKEN, /metrics and /api/state (it carries notes) want it as
// `Authorization: Bearer <token>`, as Prometheus sends it; the probes and the shape stay open.
import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { UpstreamStatus } from '../protocol/events.ts';
import type { TickView } from '../broadcast/tickView.ts';
import { createBearerCheck } from '../broadcast/wallAuth.ts';
import type { WallShapeText } from '../protocol/wallShape.ts';

export interface RelayRoutesOptions {
  /** True once the rebuild from Kafka has caught up. */
  isReady(): boolean;
  /** Whether Kafka answers now: while it does not, /readyz says so beside the readiness. */
  upstream(): UpstreamStatus;
  /** Why Kafka does not serve the relay now, one line; null when it does (or nothing is known). */
  problem(): string | null;
  /** The view as of the last tick. */
  state: Pick<TickView, 'etag' | 'json'>;
  registry: Registry;
  /** The video wall's shape from the relay's configuration; a wall's URL overrides it. */
  wallShape: WallShapeText;
  /** null: everything is open. */
  token: string | null;
}

/** Whether an If-None-Match header names this ETag (or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export function relayRoutes({ isReady, upstream, problem, state, registry, wallShape, token }: RelayRoutesOptions): Router {
  const router = Router();
  const bearerAccepted = createBearerCheck(token);
  const guarded: RequestHandler = (req, res, next) => {
    if (bearerAccepted(req.headers.authorization)) return next();
    res.status(401).set('WWW-Authenticate', 'Bearer realm="relay"').json({ error: 'unauthorized' });
  };
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
    const reason = problem();
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'rebuilding',
      upstream: available ? 'available' : 'unavailable',
      ...(reason === null ? {} : { reason }),
    });
  });
  router.get('/metrics', guarded, async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  router.get('/api/wall-config', (_req, res) => {
    res.json(wallShape);
  });
  router.get('/api/state', guarded, (req, res) => {
    const etag = state.etag();
    res.set('ETag', etag);
    if (matches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(state.json());
  });
  return router;
}
