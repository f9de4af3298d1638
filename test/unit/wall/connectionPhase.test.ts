import { describe, expect, it } from 'vitest';
import { perSource } from '../../../relay/contract/kinds.ts';
import type { Freshness } from '../../../relay/protocol/snapshot.ts';
import {
  STALE_MIN_MS,
  UPSTREAM_SILENT_MS,
  connectionPhase,
  staleAfterMs,
  type PhaseInputs,
} from '../../../wall/store/connectionPhase.ts';

const NOW = 1_700_000_000_000;
const heard = (receivedAt: number | null): Freshness => ({ lastTs: receivedAt, receivedAt });
/** Every source, none heard from yet. */
const QUIET = perSource(() => heard(null));
const LIVE: PhaseInputs = {
  link: 'open',
  sync: 'synced',
  hasView: true,
  sinceMessageMs: 200,
  tickMs: 250,
  freshness: { ...QUIET, sensor: heard(NOW - 1_000) },
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
    // Connected again, but not in step until the relay's snapshot comes (at its next tick).
    expect(connectionPhase({ ...LIVE, sync: 'awaiting' })).toBe('reconnecting');
    expect(connectionPhase({ ...LIVE, sync: 'awaiting', hasView: false })).toBe('connecting');
  });

  it('saysTheRelayIsRebuildingWhileItSendsNoFiguresWithOrWithoutFiguresOnScreen', () => {
    expect(connectionPhase({ ...LIVE, sync: 'rebuilding' })).toBe('rebuilding');
    expect(connectionPhase({ ...LIVE, sync: 'rebuilding', hasView: false })).toBe('rebuilding');
    // Its heartbeat stops: the relay itself is in trouble.
    expect(connectionPhase({ ...LIVE, sync: 'rebuilding', sinceMessageMs: STALE_MIN_MS + 1 })).toBe('stale');
    // Rebuilding from a Kafka it cannot reach: the cause is upstream.
    expect(connectionPhase({ ...LIVE, sync: 'rebuilding', upstreamAvailable: false })).toBe('upstream-unavailable');
    expect(connectionPhase({ ...LIVE, sync: 'rebuilding', link: 'closed' })).toBe('reconnecting');
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
    expect(connectionPhase({ ...LIVE, freshness: { ...QUIET, sensor: silent, camera: silent } })).toBe(
      'upstream-unavailable',
    );
    const justInTime = heard(NOW - UPSTREAM_SILENT_MS);
    expect(connectionPhase({ ...LIVE, freshness: { ...QUIET, sensor: silent, camera: justInTime, alarm110: silent } })).toBe('live');
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
