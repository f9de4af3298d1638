// The Kafka message key of an event: its compound id, which keeps each compound's events (an
// incident's opening and its `closed` follow-up among them) in order on one partition. Events
// that give only a position get the compound the relay will attribute them to; null when the
// position is in no compound's reach.
import { gcj02ToWgs84 } from '../../geo/gcj02.ts';
import type { CompoundLocator } from '../../geo/compoundLocator.ts';
import type { ProducerEvent } from '../../relay/contract/index.ts';

export type EventKey = (event: ProducerEvent) => string | null;

export function compoundKey(locator: CompoundLocator): EventKey {
  return (event) => {
    if (event.compoundId !== undefined) return event.compoundId;
    if (event.lng === undefined || event.lat === undefined) return null;
    const [lng, lat] = event.crs === 'gcj02' ? gcj02ToWgs84(event.lng, event.lat) : [event.lng, event.lat];
    return locator.locate(lng, lat);
  };
}
