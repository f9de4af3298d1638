import { describe, expect, it } from 'vitest';
import type { Freshness } from '../../../relay/state/view.ts';
import {
  STALE_MIN_MS,
  UPSTREAM_SILENT_MS,
  connectionPhase,
  staleAfterMs,
  type PhaseInputs,
} from '../../../wall/store/connectionPhase.ts';

const NOW = 1_700_000_000_000;
const heard = (receivedAt: number | null): Freshness => ({ lastTs: receivedAt, receivedAt });
const LIVE: PhaseInputs = {
  link: 'open',
  hasView: true,
  sinceMessageMs: 200,
  tickMs: 250,
  freshness: { sensor: heard(NOW - 1_000), camera: heard(null), alarm110: heard(null) },
  relayNow: NOW,
  upstreamAvailable: true,
};

describe('the connection phase on the title bar', () => {
  it('isLiveWhileTicksArriveAndSomeSourceDelivers', () => {
    expect(connectionPhase(LIVE)).toBe('live');
  });

  it('isConnectingUntilTheFirstSnapshot', () => {
    expect(connectionPhase({ ...LIVE, link: 'connecting', hasView: false })).toBe('connecting');
    expect(connectionPhase({ ...LIVE, link: 'closed', hasView: false })).toBe('connecting');
    expect(connectionPhase({ ...LIVE, hasView: false })).toBe('connecting');
  });

  it('isReconnectingWhenTheLinkDropsWithFiguresOnScreen', () => {
    expect(connectionPhase({ ...LIVE, link: 'closed' })).toBe('reconnecting');
    expect(connectionPhase({ ...LIVE, link: 'connecting' })).toBe('reconnecting');
  });

  it('isStaleWhenAnOpenLinkFallsSilentForMoreThanThreeTicksOrFiveSeconds', () => {
    expect(connectionPhase({ ...LIVE, sinceMessageMs: STALE_MIN_MS })).toBe('live');
    expect(connectionPhase({ ...LIVE, sinceMessageMs: STALE_MIN_MS + 1 })).toBe('stale');
    // A relay ticking every 10 s is not stale after 6 s.
    expect(connectionPhase({ ...LIVE, tickMs: 10_000, sinceMessageMs: 6_000 })).toBe('live');
    expect(staleAfterMs(10_000)).toBe(30_000);
    expect(staleAfterMs(null)).toBe(STALE_MIN_MS);
  });

  it('saysUpstreamIsUnavailableWhenNoSourceHasDeliveredForTwoMinutes', () => {
    const silent = heard(NOW - UPSTREAM_SILENT_MS - 1);
    expect(connectionPhase({ ...LIVE, freshness: { sensor: silent, camera: silent, alarm110: heard(null) } })).toBe(
      'upstream-unavailable',
    );
    const justInTime = heard(NOW - UPSTREAM_SILENT_MS);
    expect(connectionPhase({ ...LIVE, freshness: { sensor: silent, camera: justInTime, alarm110: silent } })).toBe('live');
  });

  it('saysUpstreamIsUnavailableAsSoonAsTheRelaySaysItLostKafka', () => {
    expect(connectionPhase({ ...LIVE, upstreamAvailable: false })).toBe('upstream-unavailable');
    expect(connectionPhase({ ...LIVE, upstreamAvailable: null })).toBe('live');
    // A relay that cannot reach the wall any more is the nearer problem.
    expect(connectionPhase({ ...LIVE, upstreamAvailable: false, link: 'closed' })).toBe('reconnecting');
  });

  it('saysTheTokenWasRefusedWhateverElseHolds', () => {
    expect(connectionPhase({ ...LIVE, link: 'refused' })).toBe('unauthorized');
    expect(connectionPhase({ ...LIVE, link: 'refused', hasView: false })).toBe('unauthorized');
  });
});
