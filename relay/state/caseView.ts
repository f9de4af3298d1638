// The cases as the snapshot shows them: each source's cohorts with their rates and the cases
// open and overdue now, the same per compound, committee and 片区, and the case feed. Views are
// built again only for what changed since the last build (CaseFigures.changed); the others keep
// their identity, so a delta finds the changed places by reference, not by comparing them all.
import { caseRates, type CaseCounts } from '../contract/cases.ts';
import type { CaseSource } from '../contract/kinds.ts';
import type { Counts, PlaceCases, SourceCases } from './caseFigures.ts';
import type { CaseState } from './caseState.ts';
import { feedItems } from './feed.ts';
import type { Places } from './places.ts';
import type { CasePlaceView, CaseSourceView, CasesView, CohortView } from '../protocol/snapshot.ts';

/** Views built so far: a source's, and each place's by id. */
export interface CaseViews {
  grid: CaseSourceView<'grid'> | null;
  hotline: CaseSourceView<'hotline'> | null;
  places: Map<string, CasePlaceView>;
}

export function createCaseViews(): CaseViews {
  return { grid: null, hotline: null, places: new Map() };
}

/** Counts are kept by counter name; the view types them by the source's counters. */
function cohortView<S extends CaseSource>(source: S, counts: Readonly<Counts>): CohortView<S> {
  const typed = { ...counts } as CaseCounts<S>;
  return { ...typed, rates: caseRates(source, typed) } as CohortView<S>;
}

function sourceView<S extends CaseSource>(source: S, cases: SourceCases): CaseSourceView<S> {
  const { open, overdue } = cases;
  return {
    today: cohortView(source, cases.today),
    yesterday: cohortView(source, cases.yesterday),
    year: cohortView(source, cases.year),
    open,
    overdue,
  };
}

function placeView(place: PlaceCases): CasePlaceView {
  const of = <S extends CaseSource>(source: S) => {
    const { today, year, open, overdue } = place.sources[source];
    return { today: cohortView(source, today), year: cohortView(source, year), open, overdue };
  };
  return { id: place.id, grid: of('grid'), hotline: of('hotline') };
}

function placeViews(ids: readonly string[], views: ReadonlyMap<string, CasePlaceView>): CasePlaceView[] {
  return ids.map((id) => {
    const view = views.get(id);
    if (!view) throw new Error(`state: no case figures for ${id}`);
    return view;
  });
}

/** The view of the cases; builds again what changed since the last call (a cache, not state). */
export function casesView(cases: CaseState, places: Places): CasesView {
  const { figures, views } = cases;
  if (figures.sourcesChanged || !views.grid || !views.hotline) {
    views.grid = sourceView('grid', figures.sources.grid);
    views.hotline = sourceView('hotline', figures.sources.hotline);
    figures.sourcesChanged = false;
  }
  for (const place of figures.changed) views.places.set(place.id, placeView(place));
  figures.changed.clear();
  return {
    year: figures.year,
    since: cases.since,
    grid: views.grid,
    hotline: views.hotline,
    compounds: placeViews(places.compoundIds, views.places),
    committees: placeViews(places.committeeIds, views.places),
    areas: placeViews(places.areaIds, views.places),
    feed: feedItems(cases.feed),
    feedSize: cases.feed.ring.length,
    evicted: cases.book.evicted,
  };
}
