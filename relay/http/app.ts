// The relay's HTTP surface: the built wall as static files, plus health endpoints.
import express from 'express';
import { securityHeaders } from './securityHeaders.ts';

export interface HttpAppOptions {
  /** Directory of the built wall (vite build output). */
  wallDir: string;
}

export function createHttpApp({ wallDir }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(express.static(wallDir, { index: 'index.html', maxAge: 0 }));
  return app;
}
