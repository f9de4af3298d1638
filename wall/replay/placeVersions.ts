// The cases of the places in the rewind's deltas, sharing the parts that did not change. A delta
// carries the cases of each place it changes whole (grid and hotline: today's and the year's
// cohorts, their rates), a fresh object off the wire each time; at a busy rate every place changes
// every frame, though most of its parts (the other source's cases, a cohort, its rates) do not.
// Each new version keeps the parts equal to the version before as the very objects of that one, so
// the history holds an unchanged part once however many frames show it. (The relay's roll-ups are
// flat: nothing in them to share.)
import type { CasePlaceView, Delta, Snapshot } from '../../relay/protocol/snapshot.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Equal as JSON: the same primitives, or objects (arrays) with the same keys and equal values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
}

/** `next`, with every part equal to the same part of `before` taken from `before`. */
function sharing<T>(next: T, before: T | undefined): T {
  if (before === undefined) return next;
  if (sameValue(next, before)) return before;
  if (!isObject(next) || !isObject(before)) return next;
  let shared = false;
  const parts = Object.entries(next).map(([key, part]) => {
    const kept = sharing(part, before[key]);
    shared ||= kept !== part;
    return [key, kept] as const;
  });
  // A copy only where it shares something.
  if (!shared) return next;
  return (Array.isArray(next) ? parts.map(([, part]) => part) : Object.fromEntries(parts)) as T;
}

const LISTS = ['compounds', 'committees', 'areas'] as const;

export class PlaceVersions {
  /** The latest version kept of each place's cases, per list. */
  private readonly latest = new Map<string, Map<string, CasePlaceView>>();

  /** Starts over from a keyframe's places. */
  reset(keyframe: Snapshot): void {
    for (const list of LISTS) this.latest.set(list, new Map(keyframe.cases[list].map((place) => [place.id, place])));
  }

  /** The delta with each place's cases sharing what did not change since their last version. */
  share(delta: Delta): Delta {
    if (!delta.cases) return delta;
    const cases = { ...delta.cases };
    for (const list of LISTS) if (cases[list]) cases[list] = this.versions(list, cases[list]);
    return { ...delta, cases };
  }

  private versions(list: string, places: CasePlaceView[]): CasePlaceView[] {
    let latest = this.latest.get(list);
    if (!latest) this.latest.set(list, (latest = new Map()));
    return places.map((place) => {
      const version = sharing(place, latest.get(place.id));
      latest.set(place.id, version);
      return version;
    });
  }
}
