// The wall the page scenario, the soak and the dev tools (unminified) open: built from the
// working tree by vite into a cache of its own (not dist/, which `npm start` and other tools
// own), with the project's own configuration.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BENCH_WALL_DIR = fileURLToPath(new URL('../../.cache/bench/wall', import.meta.url));

/** `minify` false keeps the functions' names, for profiles. */
export async function buildWall(outDir = BENCH_WALL_DIR, { minify = true } = {}): Promise<string> {
  await build({ configFile: `${ROOT}/vite.config.ts`, logLevel: 'error', build: { outDir, emptyOutDir: true, minify } });
  return outDir;
}
