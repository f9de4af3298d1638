// Shared by the alarm queue tests: alarm items as the relay numbers them, and roll-ups that say
// which compounds have open critical incidents.
import type { Kind } from '../../../../relay/contract/kinds.ts';
import { KIND_INFO } from '../../../../relay/contract/kinds.ts';
import type { FeedItem, RollupView } from '../../../../relay/protocol/snapshot.ts';

export const T0 = Date.parse('2024-05-01T12:00:00+08:00');
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;

let lastNo = 0;

/** A critical smoke alarm in compound A at T0 unless told otherwise, numbered after the last one. */
export function alarm(fields: Partial<FeedItem> = {}): FeedItem {
  const no = fields.no ?? ++lastNo;
  const kind: Kind = fields.kind ?? 'smoke';
  return {
    no,
    id: `evt-${no}`,
    ts: T0,
    source: KIND_INFO[kind].source,
    kind,
    severity: 'critical',
    compoundId: 'A',
    compoundName: '甲小区',
    note: null,
    step: null,
    ...fields,
  };
}

/** Roll-ups where the given compounds have open critical incidents and the rest none. */
export function criticalIn(...ids: string[]): RollupView[] {
  return ['A', 'B', 'C', 'D', 'E'].map((id) => {
    const critical = ids.includes(id) ? 1 : 0;
    return { id, today: critical, alerts: critical, open: critical, critical, level: critical > 0 ? 2 : 0 };
  });
}

/** Newest first, as the relay sends them. */
export function newestFirst(items: FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => b.no - a.no);
}
