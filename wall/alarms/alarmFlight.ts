// When the alarm queue takes the map's camera. A card newly raised at the head of the queue
// flies the map to its compound for a dwell, then the camera goes back (to home or the tour's
// shot). Only the head flies, at most once per card, and after each flight the map stays put
// for a cooldown: a storm across many compounds shows the most severe, oldest one, and the map
// spends most of its time on the whole sub-district. Pure; the caller moves the camera.
import type { AlarmCard, AlarmQueue } from './alarmQueue.ts';

export interface Flight {
  /** The card the camera is on, and until when; null while the map is not flown by an alarm. */
  focus: { key: string; compoundId: string; until: number } | null;
  /** No flight starts before this. */
  quietUntil: number;
  /** Cards raised up to this raisedNo have had their chance to fly. */
  handledUpTo: number;
}

export type FlightCommand = { kind: 'fly'; compoundId: string } | { kind: 'return' } | null;

export interface FlightOptions {
  dwellMs: number;
  cooldownMs: number;
}

export const FLIGHT_DEFAULTS: Readonly<FlightOptions> = { dwellMs: 8_000, cooldownMs: 30_000 };

/** Cards of `queue` (standing when a wall loads) do not fly; those raised later may. */
export function createFlight(now: number, queue: Pick<AlarmQueue, 'raised'>): Flight {
  return { focus: null, quietUntil: now, handledUpTo: queue.raised };
}

/** The flight at `now` with the queue's cards (in display order), and the camera move it asks for. */
export function stepFlight(
  flight: Flight,
  cards: readonly AlarmCard[],
  now: number,
  options: FlightOptions = FLIGHT_DEFAULTS,
): { flight: Flight; command: FlightCommand } {
  const { focus } = flight;
  if (focus) {
    const over = now >= focus.until || !cards.some((card) => card.key === focus.key);
    if (!over) return { flight, command: null };
    return { flight: { ...flight, focus: null, quietUntil: now + options.cooldownMs }, command: { kind: 'return' } };
  }
  const head = cards[0];
  if (!head || now < flight.quietUntil || head.raisedNo <= flight.handledUpTo) return { flight, command: null };
  const handledUpTo = Math.max(flight.handledUpTo, ...cards.map((card) => card.raisedNo));
  return {
    flight: { focus: { key: head.key, compoundId: head.compoundId, until: now + options.dwellMs }, quietUntil: now, handledUpTo },
    command: { kind: 'fly', compoundId: head.compoundId },
  };
}

/** When stepFlight next has something to do without a queue change; null for nothing. */
export function nextFlightDeadline(flight: Flight, cards: readonly AlarmCard[]): number | null {
  if (flight.focus) return flight.focus.until;
  const head = cards[0];
  return head && head.raisedNo > flight.handledUpTo ? flight.quietUntil : null;
}
