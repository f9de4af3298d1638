// A patch carries the leaves that changed; applied, it rebuilds the new value and keeps the rest.
import { describe, expect, it } from 'vitest';
import { keptLeaves, patchOf, withPatch } from '../../../relay/protocol/patch.ts';

const before = { open: 2, today: { accepted: 3, rates: { closure: 0.5, contact: null as number | null } }, year: { accepted: 9 }, tags: [1, 2] };

describe('patches', () => {
  it('carryOnlyTheLeavesThatChangedAndRebuildTheValue', () => {
    const after = { ...before, today: { accepted: 4, rates: { closure: 0.5, contact: 1 as number | null } }, tags: [1, 3] };
    const patch = patchOf(before, after);
    expect(patch).toEqual({ today: { accepted: 4, rates: { contact: 1 } }, tags: [1, 3] });
    const rebuilt = withPatch(before, patch!);
    expect(rebuilt).toEqual(after);
    expect(rebuilt.year).toBe(before.year);
    expect(before.today.accepted).toBe(3);
  });

  it('areNoneBetweenEqualValuesAndSetNullLeaves', () => {
    expect(patchOf(before, structuredClone(before))).toBeUndefined();
    const cleared = structuredClone(before);
    cleared.today.rates.closure = null as unknown as number;
    expect(withPatch(before, patchOf(before, cleared)!)).toEqual(cleared);
  });

  it('keepTheLeavesAskedForByPath', () => {
    const patch = { today: { accepted: 4, rates: { contact: 1 } }, open: 1 };
    expect(keptLeaves(patch, (path) => path !== 'today.accepted')).toEqual({ today: { rates: { contact: 1 } }, open: 1 });
    expect(keptLeaves(patch, () => false)).toBeUndefined();
  });
});
