// A place that comes again in a delta shares with its version before the parts that did not change.
import { describe, expect, it } from 'vitest';
import type { CasePlaceView, Delta } from '../../../../relay/protocol/snapshot.ts';
import { snapshot } from '../../../../relay/state/index.ts';
import { PlaceVersions } from '../../../../wall/replay/placeVersions.ts';
import { NOON, newState } from '../../state/helpers.ts';

const keyframe = snapshot(newState(), NOON);
const fresh = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function withGridAccepted(place: CasePlaceView, accepted: number): CasePlaceView {
  const next = fresh(place);
  next.grid.today.accepted = accepted;
  return next;
}

describe('the versions of a place', () => {
  it('sharesWithTheVersionBeforeEveryPartThatDidNotChange', () => {
    const versions = new PlaceVersions();
    versions.reset(keyframe);
    const before = keyframe.cases.compounds[0]!;
    const changed = withGridAccepted(before, 3);
    const delta: Delta = { seq: 1, prevSeq: 0, at: NOON + 250, cases: { compounds: [changed] } };
    const kept = versions.share(delta).cases!.compounds![0]!;
    expect(kept).toEqual(changed);
    expect(kept.hotline).toBe(before.hotline);
    expect(kept.grid.year).toBe(before.grid.year);
    expect(kept.grid.today).not.toBe(before.grid.today);
    // The next version shares with this one.
    const again = versions.share({ ...delta, seq: 2, prevSeq: 1, cases: { compounds: [withGridAccepted(before, 4)] } }).cases!.compounds![0]!;
    expect(again.grid.today.rates).toBe(kept.grid.today.rates);
    expect(again.hotline).toBe(before.hotline);
  });

  it('keepsAPlaceWhoseEveryPartChangedAsItCame', () => {
    const versions = new PlaceVersions();
    versions.reset(keyframe);
    const before = keyframe.cases.compounds[0]!;
    const changed = { ...fresh(before), grid: withGridAccepted(before, 3).grid, hotline: { ...fresh(before.hotline), open: 2 } };
    changed.hotline.today.accepted = 2;
    changed.hotline.year.accepted = 2;
    changed.grid.year.accepted = 3;
    changed.hotline.today.rates = { ...changed.hotline.today.rates, contact: 0 };
    changed.hotline.year.rates = { ...changed.hotline.year.rates, contact: 0 };
    changed.grid.today.rates = { closure: 0 };
    changed.grid.year.rates = { closure: 0 };
    const delta: Delta = { seq: 1, prevSeq: 0, at: NOON + 250, cases: { compounds: [changed] } };
    expect(versions.share(delta).cases!.compounds![0]).toBe(changed);
  });
});
