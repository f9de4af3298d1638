// Ids that point at other features point at ones that exist and agree with each other:
// committee → area, compound → committee and area (the committee's), building → compound.
import { PACK_FILES, type GeoPack } from '../schema.ts';
import { featuresById } from './featuresById.ts';
import { idOf, labelOf, type Problem } from './problem.ts';

export function checkReferences(pack: GeoPack): Problem[] {
  const problems: Problem[] = [];
  const areas = featuresById(pack.areas.features);
  const compoundsById = featuresById(pack.compounds.features);
  const committees = featuresById(pack.committees.features);

  pack.committees.features.forEach((c, i) => {
    const { areaId } = c.properties;
    if (!areas.has(areaId)) {
      const message = `refers to area ${areaId}, which does not exist`;
      problems.push({ file: PACK_FILES.committees, id: labelOf(c, i), message });
    }
  });

  const file = PACK_FILES.compounds;
  pack.compounds.features.forEach((c, i) => {
    const { areaId, committeeId } = c.properties;
    const id = labelOf(c, i);
    const committeeArea = committees.get(committeeId)?.properties.areaId;
    if (committeeArea === undefined) {
      problems.push({ file, id, message: `refers to committee ${committeeId}, which does not exist` });
    }
    if (!areas.has(areaId)) {
      problems.push({ file, id, message: `refers to area ${areaId}, which does not exist` });
    } else if (committeeArea !== undefined && committeeArea !== areaId) {
      const message = `is in area ${areaId} but its committee ${committeeId} is in ${committeeArea}`;
      problems.push({ file, id, message });
    }
  });

  const withBuildings = new Set<string>();
  pack.buildings.features.forEach((b, i) => {
    const { compoundId } = b.properties;
    withBuildings.add(compoundId);
    if (!compoundsById.has(compoundId)) {
      const message = `refers to compound ${compoundId}, which does not exist`;
      problems.push({ file: PACK_FILES.buildings, id: labelOf(b, i), message });
    }
  });
  for (const c of pack.compounds.features) {
    const id = idOf(c); // a compound without an id is reported by the id check
    if (id !== undefined && !withBuildings.has(id)) problems.push({ file, id, message: 'has no buildings' });
  }
  return problems;
}
