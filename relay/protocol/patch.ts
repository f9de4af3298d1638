// A patch of a plain JSON object: the leaves that changed, at their paths, as absolute values.
// The case figures of a place or a source are a tree of cohorts whose counts and rates move a few
// at a time; a tick sends what moved rather than the tree (about 600 bytes a place) again.
// Objects are walked; numbers, strings, null and arrays are leaves, replaced whole.
// Browser-safe: the relay makes patches, every client applies them.

/** `T` with any of its object parts left out, recursively; leaves whole. */
export type Patch<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Patch<T[K]> } : T;

const isTree = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What turns `before` into `after`: undefined when they are equal. Both come from the same code,
 * so they have the same keys (a key `after` lacks is not a change a patch can say).
 */
export function patchOf<T>(before: T, after: T): Patch<T> | undefined {
  if (before === after) return undefined;
  if (!isTree(before) || !isTree(after)) {
    return Array.isArray(before) && Array.isArray(after) && sameArray(before, after) ? undefined : (after as Patch<T>);
  }
  let patch: Record<string, unknown> | undefined;
  for (const key of Object.keys(after)) {
    const part = patchOf(before[key], after[key]);
    if (part !== undefined) (patch ??= {})[key] = part;
  }
  return patch as Patch<T> | undefined;
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => patchOf(value, b[i]) === undefined);
}

/** `value` with `patch` applied; the parts the patch does not reach keep their identity. */
export function withPatch<T>(value: T, patch: NoInfer<Patch<T>>): T {
  if (!isTree(value) || !isTree(patch)) return patch as T;
  const next: Record<string, unknown> = { ...value };
  for (const [key, part] of Object.entries(patch)) next[key] = part === undefined ? value[key] : withPatch(value[key], part);
  return next as T;
}

/** The leaves of `patch` that `keep` keeps (told each leaf's path, keys joined by '.'); undefined when none is. */
export function keptLeaves<T>(patch: Patch<T>, keep: (path: string) => boolean, path = ''): Patch<T> | undefined {
  if (!isTree(patch)) return keep(path) ? patch : undefined;
  let kept: Record<string, unknown> | undefined;
  for (const [key, part] of Object.entries(patch)) {
    const leaves = keptLeaves(part, keep, path === '' ? key : `${path}.${key}`);
    if (leaves !== undefined) (kept ??= {})[key] = leaves;
  }
  return kept as Patch<T> | undefined;
}
