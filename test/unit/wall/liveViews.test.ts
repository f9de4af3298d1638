// The store hands each new live view to those that must take every one (the alarm queue, the
// performance readout's lag), as it arrives, rather than each copying it over in an effect.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../relay/protocol/snapshot.ts';
import { snapshot } from '../../../relay/state/index.ts';
import { WallStore } from '../../../wall/store/wallStore.svelte.ts';
import { NOON, newState } from '../state/helpers.ts';

const NO_NAMES = { compounds: new Map<string, string>(), committees: new Map<string, string>() };

function store(): WallStore {
  return new WallStore({ zh: NO_NAMES, en: NO_NAMES }, { token: null, lang: 'zh' });
}

describe('the live views the store hands on', () => {
  it('handsEachNewLiveViewToItsWatchersAndTheCurrentOneToANewWatcher', () => {
    const wall = store();
    const first: [Snapshot, boolean][] = [];
    const stopFirst = wall.watchLiveViews((view, live) => first.push([view, live]));
    expect(first).toEqual([]);

    const view = snapshot(newState(), NOON);
    wall.resume(view, 'zh', NOON);
    expect(first).toEqual([[view, true]]);

    const second: Snapshot[] = [];
    wall.watchLiveViews((shown) => second.push(shown));
    expect(second).toEqual([view]);

    stopFirst();
    expect(first).toHaveLength(1);
  });
});
