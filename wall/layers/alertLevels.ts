// Compound alert levels as the map's layers read them: a lookup for accessors, and a short key
// that changes exactly when some level changes (deck.gl's updateTriggers compare it).
import type { AlertLevel, RollupView } from '../../relay/protocol/snapshot.ts';

export type RGBA = [number, number, number, number];

/** 0 calm blue, 1 amber attention, 2 red alarm. */
export const ALERT_COLORS: Readonly<Record<AlertLevel, RGBA>> = {
  0: [58, 150, 215, 235],
  1: [255, 184, 48, 245],
  2: [255, 64, 52, 250],
};

export interface CompoundLevels {
  /** A compound's level; 0 for a compound the view does not list. */
  of(compoundId: string): AlertLevel;
  /** The levels of the listed compounds, in the view's order: equal keys, equal colours. */
  key: string;
}

export const NO_LEVELS: CompoundLevels = { of: () => 0, key: '' };

export function compoundLevels(compounds: readonly RollupView[]): CompoundLevels {
  const levels = new Map<string, AlertLevel>();
  let key = '';
  for (const compound of compounds) {
    levels.set(compound.id, compound.level);
    key += compound.level;
  }
  return { of: (id) => levels.get(id) ?? 0, key };
}
