// The places in the rewind's deltas, sharing the parts that did not change. A delta carries each
// place it changes whole (its roll-up, or its grid and hotline cases: cohorts, rates), a fresh
// object off the wire each time; at a busy rate every place changes every frame, though most of
// its parts (one source's cases, a cohort's rates) do not. Each new version of a place keeps the
// parts equal to its version before as the very objects of that one, so the history holds an
// unchanged part once however many frames show it.
import type { CasePlaceView, Delta, RollupView, Snapshot } from '../../relay/protocol/snapshot.ts';

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
  // A copy only where it shares something: a flat roll-up is kept as it came.
  if (!shared) return next;
  return (Array.isArray(next) ? parts.map(([, part]) => part) : Object.fromEntries(parts)) as T;
}

const LISTS = ['compounds', 'committees', 'areas'] as const;
type Place = RollupView | CasePlaceView;

export class PlaceVersions {
  /** The latest version kept of each place, per list (the relay's and the cases'). */
  private readonly latest = new Map<string, Map<string, Place>>();

  /** Starts over from a keyframe's places. */
  reset(keyframe: Snapshot): void {
    this.latest.clear();
    for (const list of LISTS) {
      this.latest.set(list, new Map(keyframe[list].map((place) => [place.id, place])));
      this.latest.set(`cases.${list}`, new Map(keyframe.cases[list].map((place) => [place.id, place])));
    }
  }

  /** The delta with each place it carries sharing what did not change since the place's last version. */
  share(delta: Delta): Delta {
    const next = { ...delta };
    for (const list of LISTS) if (delta[list]) next[list] = this.versions(list, delta[list]);
    if (delta.cases) {
      const cases = { ...delta.cases };
      for (const list of LISTS) if (delta.cases[list]) cases[list] = this.versions(`cases.${list}`, delta.cases[list]);
      next.cases = cases;
    }
    return next;
  }

  private versions<T extends Place>(list: string, places: T[]): T[] {
    let latest = this.latest.get(list) as Map<string, T> | undefined;
    if (!latest) this.latest.set(list, (latest = new Map()));
    return places.map((place) => {
      const version = sharing(place, latest.get(place.id));
      latest.set(place.id, version);
      return version;
    });
  }
}
