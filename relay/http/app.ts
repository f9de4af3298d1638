// The relay's HTTP app: security headers on everything, the relay's endpoints, and the built
// wall as static files. Without routes it serves the wall alone (browser tests of the page).
import express, { type Response, type Router } from 'express';
import { relative, sep } from 'node:path';
import { securityHeaders } from './securityHeaders.ts';

export interface HttpAppOptions {
  /** Directory of the built wall (vite build output); null serves no wall. */
  wallDir: string | null;
  /** The relay's endpoints (relayRoutes). */
  routes?: Router;
}

/** Vite names every file under assets/ by its content's hash; nothing else may be kept stale. */
const HASHED_DIR = `assets${sep}`;

/**
 * A wall PC keeps a hashed asset for good, but asks again for index.html (and anything else)
 * every time, so a reload after a deploy gets the new build.
 */
function wallCaching(wallDir: string) {
  return (res: Response, file: string) => {
    const hashed = relative(wallDir, file).startsWith(HASHED_DIR);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}

export function createHttpApp({ wallDir, routes }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (routes) app.use(routes);
  if (wallDir !== null) app.use(express.static(wallDir, { index: 'index.html', setHeaders: wallCaching(wallDir) }));
  return app;
}
