// The open incidents' counts by severity and age, kept as incidents open, close and are dropped,
// read at ticks that move on by a quarter second or by hours (across the age bands' edges), and
// now and then back: always what counting every open incident at that moment gives.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/random.ts';
import type { Severity } from '../../../relay/contract/kinds.ts';
import { OPEN_AGE_BAND_EDGES_MS, type OpenView } from '../../../relay/protocol/snapshot.ts';
import { closeIncident, createIncidents, openIncident, summariseOpen, type Incidents } from '../../../relay/state/incidents.ts';
import { HOUR, NOON } from './helpers.ts';

/** What the view must be: every open incident counted at `now`. */
function counted(incidents: Incidents, now: number): OpenView {
  const bySeverity = { info: 0, warning: 0, critical: 0 };
  const ageBands = new Array<number>(OPEN_AGE_BAND_EDGES_MS.length + 1).fill(0);
  let oldest: number | null = null;
  for (const { severity, openedAt } of incidents.open.values()) {
    bySeverity[severity]++;
    const band = OPEN_AGE_BAND_EDGES_MS.filter((edge) => now - openedAt >= edge).length;
    ageBands[band]!++;
    oldest = oldest === null ? openedAt : Math.min(oldest, openedAt);
  }
  return { total: incidents.open.size, bySeverity, ageBands, oldestOpenedAt: oldest, evicted: incidents.evicted };
}

const SEVERITIES: Severity[] = ['info', 'warning', 'critical'];

describe('the open incidents’ summary', () => {
  for (const seed of [1, 2, 3]) {
    it(`matches a full count through 20,000 random steps (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const incidents = createIncidents(400, 100);
      let now = NOON;
      let next = 0;
      for (let step = 0; step < 20_000; step++) {
        const roll = random.between(0, 1);
        if (roll < 0.5) {
          // Opened up to a day and a half ago, or a little in the future (its event's own time).
          const openedAt = now - Math.floor(random.between(-0.1, 36) * HOUR);
          const severity = SEVERITIES[Math.floor(random.between(0, 3))]!;
          openIncident(incidents, { id: `i${next++}`, compoundId: 'c', kind: 'smoke', severity, openedAt, openedOn: '' });
        } else if (roll < 0.85) {
          closeIncident(incidents, `i${Math.floor(random.between(0, next))}`, now);
        } else if (roll < 0.99) {
          now += random.between(0, 1) < 0.9 ? 250 : Math.floor(random.between(0, 5) * HOUR);
        } else {
          now -= Math.floor(random.between(0, 2) * HOUR);
        }
        if (step % 7 === 0) expect(summariseOpen(incidents, now), `step ${step}`).toEqual(counted(incidents, now));
      }
    });
  }
});
