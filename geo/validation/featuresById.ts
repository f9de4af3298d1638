import { idOf } from './problem.ts';

/** Features by id property; of duplicates (which the id check reports) the first counts. */
export function featuresById<F extends { properties: unknown }>(features: readonly F[]): Map<string, F> {
  const index = new Map<string, F>();
  for (const f of features) {
    const id = idOf(f);
    if (id !== undefined && !index.has(id)) index.set(id, f);
  }
  return index;
}
