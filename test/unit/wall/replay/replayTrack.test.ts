import { describe, expect, it } from 'vitest';
import { trackFraction, trackTime } from '../../../../wall/replay/replayTrack.ts';

const SPAN = { oldest: 1_000_000, newest: 1_900_000 };

describe('the replay track', () => {
  it('placesTimesBetweenTheOldestAndTheNewestFrame', () => {
    expect([1_000_000, 1_450_000, 1_900_000, 0, 5_000_000].map((at) => trackFraction(SPAN, at))).toEqual([0, 0.5, 1, 0, 1]);
  });

  it('turnsAPlaceOnTheTrackBackIntoATime', () => {
    expect([0, 0.25, 1, -1, 2].map((fraction) => trackTime(SPAN, fraction))).toEqual([1_000_000, 1_225_000, 1_900_000, 1_000_000, 1_900_000]);
  });

  it('putsASingleFrameAtTheLiveEnd', () => {
    expect(trackFraction({ oldest: 5, newest: 5 }, 5)).toBe(1);
  });
});
