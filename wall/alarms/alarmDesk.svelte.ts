// The alarm queue at work: takes each live view, keeps the queue of cards, flies the camera to
// a newly raised head card and back, and rings the chime. The decisions are the pure functions
// of alarmQueue.ts and alarmFlight.ts; this class only holds their state, keeps the time
// moving (ages, expiry, the dwell's end) and carries out their commands (an edge).
import type { FeedItem, RollupView, Snapshot } from '../../relay/protocol/snapshot.ts';
import type { CameraDirector } from '../map/cameraDirector.svelte.ts';
import { FLIGHT_DEFAULTS, createFlight, nextFlightDeadline, stepFlight, type Flight, type FlightCommand } from './alarmFlight.ts';
import type { AlarmParams } from './alarmParams.ts';
import { EMPTY_QUEUE, raisedCards, updateQueue, type AlarmQueue } from './alarmQueue.ts';
import { chimeDue } from './chime.ts';
import { IdMemory } from './idMemory.ts';
import { newAlarms } from './newAlarms.ts';

/** Who the camera director sees interrupting. */
export const ALARM_INTERRUPTER = 'alarm';
const CLOCK_MS = 1_000;
/** Alarm item ids remembered; more than the relay's alarm feed holds. */
const ID_MEMORY = 1_000;

export interface DeskParts {
  director: Pick<CameraDirector, 'interrupt' | 'resume'>;
  chime: () => void;
}

export class AlarmDesk {
  queue = $state.raw<AlarmQueue>(EMPTY_QUEUE);
  chimeOn = $state(false);
  /** Wall time, once a second: the cards' ages follow it. */
  now = $state(Date.now());
  private flight = $state.raw<Flight | null>(null);
  /** The compound the camera was flown to; '' when none. */
  readonly focus = $derived(this.flight?.focus?.compoundId ?? '');

  private readonly params: AlarmParams;
  private readonly parts: DeskParts;
  private compounds: readonly RollupView[] = [];
  private lastNo = 0;
  /** An item offered twice (by a restarted relay) counts once. */
  private readonly taken = new IdMemory(ID_MEMORY);
  private lastChimeAt: number | null = null;
  private deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(params: AlarmParams, parts: DeskParts) {
    this.params = params;
    this.parts = parts;
    this.chimeOn = params.chime;
  }

  /** Takes a live view (the relay's, never a replayed one). */
  take(view: Snapshot, now: number): void {
    const offered = newAlarms(view.alarms, this.lastNo);
    this.lastNo = offered.lastNo;
    const items = this.taken.takeNew(offered.items);
    this.compounds = view.compounds;
    if (this.flight) {
      this.advance(items, now);
      return;
    }
    // The first view: alarms already standing when the wall (re)loads neither fly nor ring.
    this.queue = updateQueue(this.queue, items, this.compounds, now);
    this.flight = createFlight(now, this.queue);
  }

  /** Keeps the clock, expiry and the dwell moving; returns the stop function. */
  start(): () => void {
    const clock = setInterval(() => {
      this.now = Date.now();
      this.advance([], this.now);
    }, CLOCK_MS);
    return () => {
      clearInterval(clock);
      clearTimeout(this.deadline);
      if (this.flight?.focus) this.parts.director.resume(ALARM_INTERRUPTER);
      this.flight = null;
    };
  }

  /** The C key: a chime on turning it on says it works (and lets the page play sound). */
  toggleChime(): void {
    this.chimeOn = !this.chimeOn;
    if (this.chimeOn) this.parts.chime();
  }

  private advance(items: readonly FeedItem[], now: number): void {
    if (!this.flight) return;
    const before = this.queue;
    const after = updateQueue(before, items, this.compounds, now);
    this.queue = after;
    if (after !== before) this.ring(raisedCards(before, after).length, now);
    const { flight, command } = stepFlight(this.flight, after.cards, now, this.flightOptions());
    this.flight = flight;
    this.move(command);
    this.schedule(now);
  }

  private flightOptions() {
    return { ...FLIGHT_DEFAULTS, dwellMs: this.params.dwellMs };
  }

  private ring(raised: number, now: number): void {
    if (!this.chimeOn || raised === 0 || !chimeDue(this.lastChimeAt, now)) return;
    this.lastChimeAt = now;
    this.parts.chime();
  }

  private move(command: FlightCommand): void {
    if (command?.kind === 'fly') this.parts.director.interrupt(ALARM_INTERRUPTER, command.compoundId);
    else if (command?.kind === 'return') this.parts.director.resume(ALARM_INTERRUPTER);
  }

  /** Wakes at the flight's next deadline, sharper than the once-a-second clock. */
  private schedule(now: number): void {
    clearTimeout(this.deadline);
    const at = this.flight && nextFlightDeadline(this.flight, this.queue.cards);
    if (at !== null && at !== undefined) this.deadline = setTimeout(() => this.advance([], Date.now()), Math.max(0, at - now));
  }
}
