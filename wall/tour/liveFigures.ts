// The number a live stat card shows, computed from the relay's view the way the panels compute
// theirs, so a card and a panel showing the same figure always agree.
import { ALARM_SOURCES } from '../../relay/contract/kinds.ts';
import type { Snapshot } from '../../relay/protocol/snapshot.ts';
import { formatCount, formatPercent } from '../i18n/format.ts';
import type { SourceCounter } from '../store/figures.ts';
import type { LiveFigure } from './tourFile.ts';

export interface LiveValue {
  /** As the card writes it; NO_FIGURE before the first view. */
  text: string;
  /** Against yesterday by the same time, for the figures that have one; null when none. */
  change: number | null;
}

const count = (value: number): LiveValue => ({ text: formatCount(value), change: null });

/** `counters`: the store's per-source counters of the same view (they carry the comparison). */
export function liveValue(figure: LiveFigure, view: Snapshot, counters: readonly SourceCounter[]): LiveValue {
  switch (figure.figure) {
    case 'events':
      return count(ALARM_SOURCES.reduce((sum, source) => sum + view.totals[source], 0));
    case 'alerts': {
      const counter = counters.find((c) => c.source === figure.source);
      return { text: formatCount(view.alerts[figure.source]), change: counter?.change ?? null };
    }
    case 'kinds':
      return count(figure.kinds.reduce((sum, kind) => sum + view.byKind[kind], 0));
    case 'openIncidents':
      return count(view.open.total);
    case 'closureRate':
      return { text: formatPercent(view.closure.rate), change: null };
    case 'compoundEvents':
      return count(view.compounds.find((c) => c.id === figure.compoundId)?.today ?? 0);
    case 'committeeEvents':
      return count(view.committees.find((c) => c.id === figure.committeeId)?.today ?? 0);
    case 'cases':
      return count(view.cases[figure.source][figure.period].accepted);
    case 'caseRate': {
      const rates = view.cases[figure.source][figure.period].rates as Readonly<Record<string, number | null>>;
      return { text: formatPercent(rates[figure.rate] ?? null), change: null };
    }
  }
}
