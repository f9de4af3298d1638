// Packs test/bench/gpuWall.ts for a lent GPU machine, which has no node_modules and no tsx: one
// ES module with every dependency inside but those that load files of their own at run time
// (listed below; copy them beside it). Each source file's import.meta.url is kept pointing at
// the file's place in the checkout, so the geo pack, the profiles and the built wall are found
// where they are. Usage: npx tsx test/bench/gpuBundle.ts OUT_DIR (writes OUT_DIR/gpu-wall.mjs).
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Packages that read files or native addons beside themselves, or require kafkajs's internals. */
const EXTERNAL = ['playwright-core', 'kafkajs', 'snappy', 'lz4-napi', '@bokuweb/zstd-wasm'];

const outDir = process.argv[2];
if (!outDir) {
  console.error('gpuBundle: usage: npx tsx test/bench/gpuBundle.ts OUT_DIR');
  process.exit(2);
}

const keepFileUrls: Plugin = {
  name: 'keep-file-urls',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const inCheckout = relative(ROOT, path);
      if (inCheckout.startsWith('node_modules') || !source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(inCheckout)}, globalThis.__checkoutUrl).href`), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(ROOT, 'test/bench/gpuWall.ts')],
  outfile: join(outDir, 'gpu-wall.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  plugins: [keepFileUrls],
  // CommonJS dependencies inside an ES module still call require; the checkout is the working directory.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; import { pathToFileURL as __toUrl } from 'node:url'; const require = __createRequire(import.meta.url); globalThis.__checkoutUrl = __toUrl(process.cwd() + '/').href;",
  },
  logLevel: 'warning',
});
