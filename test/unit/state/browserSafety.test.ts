import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms;

/** Every module specifier reachable from a file through relative imports. */
function reachableImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const specifiers: string[] = [];
  for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    specifiers.push(specifier);
    if (specifier.startsWith('.')) {
      specifiers.push(...reachableImports(resolve(dirname(file), specifier), seen));
    }
  }
  return specifiers;
}

describe('browser safety', () => {
  it('applyDeltaImportsNothingButProjectFiles', () => {
    const entry = fileURLToPath(new URL('../../../relay/protocol/applyDelta.ts', import.meta.url));
    const specifiers = reachableImports(entry);
    expect(specifiers).toContain('./snapshot.ts');
    expect(specifiers.filter((s) => !s.startsWith('.'))).toEqual([]);
  });
});
