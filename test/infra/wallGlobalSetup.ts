// Browser tests run against the built wall served by the relay's HTTP app, as in production.
import type { TestProject } from 'vitest/node';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createHttpApp } from '../../relay/http/app.ts';
import { WALL_BUILD_DIR } from './wallBuildDir.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const started = Date.now();
  await build({ configFile: `${root}/vite.config.ts`, logLevel: 'warn', build: { outDir: WALL_BUILD_DIR } });
  const server = createHttpApp({ wallDir: WALL_BUILD_DIR }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const wallUrl = `http://127.0.0.1:${port}/`;
  project.provide('wallUrl', wallUrl);
  console.log(`wall built and served at ${wallUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
