// The wall the page scenario opens: built from the working tree by vite into the bench's cache
// (not dist/, which `npm start` and other tools own), with the project's own configuration.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BENCH_WALL_DIR = fileURLToPath(new URL('../../.cache/bench/wall', import.meta.url));

export async function buildWall(): Promise<string> {
  await build({ configFile: `${ROOT}/vite.config.ts`, logLevel: 'error', build: { outDir: BENCH_WALL_DIR, emptyOutDir: true } });
  return BENCH_WALL_DIR;
}
