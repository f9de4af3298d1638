// When each event of a load run is due: phases whose rate moves linearly from one multiple of
// the target rate to another, scaled to the run's duration. Event j is due when the integral of
// the rate reaches j, so the schedule holds the rate exactly rather than on average.
import type { LoadPhase } from '../profile/schema.ts';

/** Offsets in ms from the run's start, ascending, of every event of the run. */
export function* scheduleOffsets(phases: readonly LoadPhase[], ratePerSecond: number, durationMs: number): Generator<number, void, undefined> {
  const shareSum = phases.reduce((sum, phase) => sum + phase.share, 0);
  let phaseStart = 0;
  let eventsBefore = 0;
  let next = 0;
  for (const phase of phases) {
    const length = (durationMs * phase.share) / shareSum;
    const r0 = (phase.fromRate * ratePerSecond) / 1000;
    const r1 = (phase.toRate * ratePerSecond) / 1000;
    const events = ((r0 + r1) / 2) * length;
    const a = (r1 - r0) / (2 * length);
    for (; next < eventsBefore + events; next++) {
      const n = next - eventsBefore;
      // Root of a·t² + r0·t = n in the form that stays exact when a or r0 is zero.
      yield n === 0 ? phaseStart : phaseStart + (2 * n) / (r0 + Math.sqrt(r0 * r0 + 4 * a * n));
    }
    phaseStart += length;
    eventsBefore += events;
  }
}

/** How many events scheduleOffsets yields for the same arguments (for progress, not pacing). */
export function scheduledCount(phases: readonly LoadPhase[], ratePerSecond: number, durationMs: number): number {
  const shareSum = phases.reduce((sum, phase) => sum + phase.share, 0);
  let events = 0;
  for (const phase of phases) {
    const length = (durationMs * phase.share) / shareSum;
    events += (((phase.fromRate + phase.toRate) * ratePerSecond) / 2000) * length;
  }
  return Math.ceil(events);
}
