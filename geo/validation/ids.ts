// Every feature that should have an id has one, and no two in a file share it.
import { PACK_FILES, type GeoPack } from '../schema.ts';
import { FILES_WITH_IDS } from './geometryRules.ts';
import { idOf, type Problem } from './problem.ts';

export function checkIds(pack: GeoPack): Problem[] {
  const problems: Problem[] = [];
  for (const key of FILES_WITH_IDS) {
    const file = PACK_FILES[key];
    const positions = new Map<string, number[]>();
    pack[key].features.forEach((feature, index) => {
      const id = idOf(feature);
      if (id === undefined) problems.push({ file, id: `features[${index}]`, message: 'has no id' });
      else positions.set(id, [...(positions.get(id) ?? []), index]);
    });
    for (const [id, at] of positions) {
      if (at.length < 2) continue;
      const where = at.map((i) => `features[${i}]`).join(', ');
      problems.push({ file, id, message: `is used by ${at.length} features (${where})` });
    }
  }
  return problems;
}
