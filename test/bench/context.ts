// What every scenario is given: the Kafka it talks to, the event source, the plan's sizes, and
// a way to say what it is doing (progress on stderr).
import type { LoadSource } from './infra/loadStream.ts';
import type { BenchPlan } from './plan.ts';

export interface BenchContext {
  brokers: string;
  load: LoadSource;
  plan: BenchPlan;
  say(line: string): void;
}
