// Reading a pack directory from disk (Node only). Everything that decides whether the contents
// are right lives in geo/validation/, which is pure.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_FILES, type GeoPack, type PackFileKey } from './schema.ts';
import { formatProblem } from './validation/problem.ts';
import { checkStructure } from './validation/structure.ts';

export const DEFAULT_PACK_DIR = fileURLToPath(new URL('./pack/', import.meta.url));

export type PackFileRead = { json: unknown } | { error: string };

async function readPackFile(path: string): Promise<PackFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file is missing' : `cannot be read (${code ?? String(err)})` };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (err) {
    return { error: `is not valid JSON (${(err as Error).message})` };
  }
}

/** Each pack file's parsed JSON or why it could not be had. Throws only when `dir` is no directory. */
export async function readPackFiles(dir: string): Promise<Record<PackFileKey, PackFileRead>> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new Error(`pack directory not found: ${dir}`);
  const keys = Object.keys(PACK_FILES) as PackFileKey[];
  const reads = await Promise.all(keys.map((key) => readPackFile(join(dir, PACK_FILES[key]))));
  return Object.fromEntries(keys.map((key, i) => [key, reads[i]])) as Record<PackFileKey, PackFileRead>;
}

/**
 * Loads a pack, failing with one line naming the file when one is missing, not JSON or not a
 * well-formed FeatureCollection. Properties and spatial rules are not checked here (that takes
 * seconds): run `npm run geo:validate` on a pack before shipping it.
 */
export async function loadPack(dir: string = DEFAULT_PACK_DIR): Promise<GeoPack> {
  const reads = await readPackFiles(dir);
  const files = {} as Record<PackFileKey, unknown>;
  for (const key of Object.keys(reads) as PackFileKey[]) {
    const read = reads[key];
    if ('error' in read) throw new Error(`${join(dir, PACK_FILES[key])}: ${read.error}`);
    files[key] = read.json;
  }
  const [problem] = checkStructure(files);
  if (problem) throw new Error(formatProblem({ ...problem, file: join(dir, problem.file) }));
  return files as unknown as GeoPack;
}
