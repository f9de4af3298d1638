// Reads a surveyed layer that replaces a synthesized one. The file must be a pack file of that
// layer (same properties as geo/schema.ts); anything else fails with one line naming the file.
import { readFile } from 'node:fs/promises';
import { PACK_FILES, type GeoPack, type PackFileKey } from '../schema.ts';
import { formatProblem } from '../validation/problem.ts';
import { PROPERTY_SCHEMAS } from '../validation/propertySchemas.ts';
import { checkStructure } from '../validation/structure.ts';

export type DropInKey = 'boundary' | 'committees' | 'compounds' | 'buildings';

const EMPTY_PACK = Object.fromEntries(
  Object.keys(PACK_FILES).map((key) => [key, { type: 'FeatureCollection', features: [] }]),
) as Record<PackFileKey, unknown>;

/** The layer's features, each with its properties re-built in schema order (id first). */
export function parseDropIn<K extends DropInKey>(key: K, file: string, json: unknown): GeoPack[K]['features'] {
  const [structural] = checkStructure({ ...EMPTY_PACK, [key]: json });
  if (structural) throw new Error(formatProblem({ ...structural, file }));
  const features = (json as { features: { properties: Record<string, unknown> }[] }).features;
  if (features.length === 0) throw new Error(`${file}: has no features`);
  if (key === 'boundary' && features.length !== 1) throw new Error(`${file}: a boundary file holds exactly one feature`);
  return features.map((feature, index) => {
    const { id } = feature.properties;
    if (typeof id !== 'string' || id === '') throw new Error(`${file}: features[${index}] has no id`);
    const parsed = PROPERTY_SCHEMAS[key].safeParse(feature.properties);
    const issue = parsed.error?.issues[0];
    if (issue) throw new Error(`${file}: ${id} property ${issue.path.join('.')}: ${issue.message}`);
    return { ...feature, properties: { id, ...(parsed.data as object) } };
  }) as GeoPack[K]['features'];
}

export async function readDropIn<K extends DropInKey>(key: K, file: string): Promise<GeoPack[K]['features']> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: is not valid JSON (${(err as Error).message})`);
  }
  return parseDropIn(key, file, json);
}
