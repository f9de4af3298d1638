// Everything the scenarios found out, filled in as they finish, so a scenario that fails leaves
// the others' results (and its own finished parts) standing. Types only.
import type { Ceiling } from './scenarios/naiveCeiling.ts';
import type { FeedRun } from './scenarios/feedRelay.ts';
import type { IngestResult } from './scenarios/ingest.ts';
import type { LatencyRun } from './scenarios/latency.ts';
import type { SlowClientResult } from './scenarios/slowClient.ts';
import type { PageResult } from './scenarios/wallPage.ts';

/** The scenarios, in the order they run; `--only` picks among them. */
export const GROUPS = ['ingest', 'relays', 'wall'] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchResults {
  ingest?: IngestResult;
  naiveFeed?: FeedRun;
  oursFeed?: FeedRun;
  ceiling?: Ceiling;
  latency?: LatencyRun;
  slowClient?: SlowClientResult;
  page?: PageResult;
  /** Why a scenario stopped, or that it was not asked for. */
  errors: Partial<Record<Group, string>>;
}
