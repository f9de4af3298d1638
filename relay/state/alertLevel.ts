// The alert level a compound (or committee, or 片区) shows: what colours its buildings and
// raises its beacon. Only open incidents count; today's history does not.
import type { AlertLevel } from '../protocol/snapshot.ts';

export interface OpenBySeverity {
  warning: number;
  critical: number;
}

/** 2 alarm when a critical incident is open, 1 attention when a warning is, else 0 normal. */
export function alertLevel(open: OpenBySeverity): AlertLevel {
  if (open.critical > 0) return 2;
  return open.warning > 0 ? 1 : 0;
}
