// Between two frames of the rewind, a delta keeps only what the later frame shows: the values no
// later delta up to the frame writes again, the feed items the frame still shows.
import { describe, expect, it } from 'vitest';
import type { Delta, FeedItem } from '../../../../relay/protocol/snapshot.ts';
import { LaterWrites } from '../../../../wall/replay/laterWrites.ts';

const item = (no: number) => ({ no, id: `e${no}` }) as FeedItem;
const delta = (seq: number, parts: Partial<Delta>): Delta => ({ seq, prevSeq: seq - 1, at: seq * 250, ...parts });

describe('the writes a later delta makes again', () => {
  it('dropsFiguresAndPlacesALaterDeltaWritesAgain', () => {
    const later = new LaterWrites(new Set());
    const last = delta(3, { today: { totals: { sensor: 9 } }, open: { total: 2 } as Delta['open'], compounds: [{ id: 'a' }] as Delta['compounds'] });
    expect(later.trim(last)).toEqual(last);
    const earlier = delta(2, {
      today: { totals: { sensor: 8, camera: 5 }, day: '2024-05-01' },
      open: { total: 1 } as Delta['open'],
      compounds: [{ id: 'a' }, { id: 'b' }] as Delta['compounds'],
    });
    expect(later.trim(earlier)).toEqual(delta(2, { today: { totals: { camera: 5 }, day: '2024-05-01' }, compounds: [{ id: 'b' }] as Delta['compounds'] }));
    // Nothing left of it but where it stands in the chain.
    expect(later.trim(delta(1, { today: { totals: { camera: 4 } }, open: { total: 0 } as Delta['open'] }))).toEqual(delta(1, {}));
  });

  it('keepsEachHeatCellAndHourOnceAndNoCellsBeforeAWholeGrid', () => {
    const later = new LaterWrites(new Set());
    later.trim(delta(4, { heat: { camera: { levels: [0, 1, 2] } } }));
    later.trim(delta(3, { heat: { sensor: { cells: [5, 1, 7, 2] } }, today: { hourly: { sensor: [10, 4] } } }));
    // Within one delta too the last pair of a cell is the one applied.
    expect(
      later.trim(delta(2, { heat: { sensor: { cells: [6, 3, 5, 9, 6, 4] }, camera: { cells: [1, 1] } }, today: { hourly: { sensor: [10, 3, 11, 1] } } })),
    ).toEqual(delta(2, { heat: { sensor: { cells: [6, 4] } }, today: { hourly: { sensor: [11, 1] } } }));
  });

  it('keepsOnlyTheFeedItemsTheFrameShows', () => {
    const [first, second, third] = [item(1), item(2), item(3)];
    const later = new LaterWrites(new Set([third!, second!]));
    expect(later.trim(delta(2, { feed: [third!], cases: { feed: [first!], evicted: 0 } }))).toEqual(
      delta(2, { feed: [third!], cases: { evicted: 0 } }),
    );
  });

  it('keepsEachLeafOfAPlacesCasesUntilALaterPatchWritesIt', () => {
    const later = new LaterWrites(new Set());
    const patch = (id: string, grid: object) => ({ id, grid }) as NonNullable<NonNullable<Delta['cases']>['compounds']>[number];
    later.trim(delta(3, { cases: { compounds: [patch('a', { open: 2, today: { accepted: 5 } })], grid: { open: 7 } } }));
    expect(
      later.trim(delta(2, { cases: { compounds: [patch('a', { open: 1, today: { accepted: 4, closed: 1 } }), patch('b', { open: 3 })], grid: { open: 6, overdue: 1 } } })),
    ).toEqual(delta(2, { cases: { compounds: [patch('a', { today: { closed: 1 } }), patch('b', { open: 3 })], grid: { overdue: 1 } } }));
    // A place with nothing left is dropped.
    expect(later.trim(delta(1, { cases: { compounds: [patch('a', { open: 0 })] } }))).toEqual(delta(1, {}));
  });
});
