// The relay's HTTP app: security headers on everything, the relay's endpoints, and the built
// wall as static files. Without routes it serves the wall alone (browser tests of the page).
import express, { type Router } from 'express';
import { securityHeaders } from './securityHeaders.ts';

export interface HttpAppOptions {
  /** Directory of the built wall (vite build output); null serves no wall. */
  wallDir: string | null;
  /** The relay's endpoints (relayRoutes). */
  routes?: Router;
}

export function createHttpApp({ wallDir, routes }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (routes) app.use(routes);
  if (wallDir !== null) app.use(express.static(wallDir, { index: 'index.html', maxAge: 0 }));
  return app;
}
