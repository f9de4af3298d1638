// The tour being played: which tour, where it is (tourController.ts), and what that means for
// the rest of the wall — the camera's base shot, the map's heat source and its highlight. Keys, the
// auto-advance timer and the camera's interruptions reach it through TourMode.svelte.
import type { GeoPack } from '../../geo/schema.ts';
import { buildPackIndex, type PackIndex } from '../../geo/packIndex.ts';
import type { HeatSource } from '../layers/heat.ts';
import { NO_HIGHLIGHT, type MapHighlight } from '../layers/highlight.ts';
import { HOME_SHOT, type CameraDirector } from '../map/cameraDirector.svelte.ts';
import { loadTour, type Tour, type TourStep } from './loadTour.ts';
import * as control from './tourController.ts';
import type { TourPhase, TourPlan, TourState } from './tourController.ts';
import { TOUR_FILES } from './tours.ts';

/** What a tour moves on the wall: the camera (through its director) and the map's heat source. */
export interface TourStage {
  readonly director: CameraDirector;
  showHeat(source: HeatSource): void;
}

export class TourPlayer {
  tour = $state.raw<Tour | null>(null);
  state = $state.raw<TourState | null>(null);
  private plan: TourPlan = { dwellsMs: [], loop: false };
  private index: PackIndex | null = null;

  readonly step = $derived<TourStep | null>((this.state && this.tour?.steps[this.state.step]) ?? null);
  readonly phase = $derived<TourPhase | null>(this.state && control.phaseOf(this.state));
  readonly highlight = $derived<MapHighlight>(this.step?.highlight ?? NO_HIGHLIGHT);

  constructor(
    private readonly pack: GeoPack,
    private readonly stage: TourStage,
    private readonly files: Readonly<Record<string, unknown>> = TOUR_FILES,
  ) {}

  get director(): CameraDirector {
    return this.stage.director;
  }

  get playing(): boolean {
    return this.state !== null;
  }

  /** Starts the tour `name` from its first step; false (and why, in the console) if it cannot. */
  open(name: string, now: number): boolean {
    const tour = this.load(name);
    if (!tour) return false;
    this.tour = tour;
    this.plan = { dwellsMs: tour.steps.map((step) => step.dwellMs), loop: tour.loop };
    this.state = null;
    this.update(control.startTour(this.plan, now, this.director.interrupted));
    return true;
  }

  /** Leaves the tour; the camera goes back to the whole sub-district. */
  close(): void {
    if (!this.state) return;
    this.state = null;
    this.tour = null;
    this.director.setBase(HOME_SHOT);
  }

  next(now: number): void {
    if (this.state) this.update(control.nextStep(this.plan, this.state, now));
  }

  previous(now: number): void {
    if (this.state) this.update(control.previousStep(this.plan, this.state, now));
  }

  toggleBlank(now: number): void {
    if (this.state) this.update(control.toggleBlank(this.plan, this.state, now));
  }

  /** Called when the camera is taken (an alarm's fly-to) and given back. */
  interrupted(isInterrupted: boolean, now: number): void {
    if (!this.state) return;
    this.update(isInterrupted ? control.interrupt(this.state) : control.resume(this.plan, this.state, now));
  }

  /** The auto-advance timer fired. */
  tick(now: number): void {
    if (this.state) this.update(control.tick(this.plan, this.state, now));
  }

  private update(next: TourState): void {
    const before = this.state;
    if (next === before) return;
    if (next.ended) return this.close();
    this.state = next;
    const step = this.tour?.steps[next.step];
    if (step && before?.step !== next.step) {
      this.director.setBase(step.camera);
      this.stage.showHeat(step.heat);
    }
  }

  /** Checked each time it is opened: a few steps, and a broken file is reported where it is used. */
  private load(name: string): Tour | null {
    const file = this.files[name];
    if (file === undefined) {
      console.error(`tour: no tour "${name}" (known: ${Object.keys(this.files).join(', ')})`);
      return null;
    }
    try {
      this.index ??= buildPackIndex(this.pack);
      return loadTour(name, file, this.index);
    } catch (error) {
      // The wall keeps running without the tour; the file's problems are in the console.
      console.error(error instanceof Error ? error.message : error);
      return null;
    }
  }
}
