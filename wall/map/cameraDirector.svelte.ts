// Who holds the map's camera. The base shot belongs to whoever runs the wall's story (home, or
// the current tour step); an interruption (the alarm queue's fly-to) takes the camera for a
// while and, when it ends, the base shot is flown to again. One owner at a time, so the alarm
// queue and the tour never fight over the map, and the tour can tell it has been interrupted.
// The wall has one, in its UI context (wall/ui/); the map attaches its scene to it.
import type { LngLat } from '../../geo/packIndex.ts';
import { Listeners } from '../ui/listeners.ts';
import { flyToCompound, flyToKeyframe, resetView, type CameraScene } from './camera.ts';

/** A camera position of a tour step; zoom is relative to the home view's zoom. */
export interface Keyframe {
  center: LngLat;
  zoomIn: number;
  pitch: number;
  bearing: number;
  durationMs: number;
}

export type Shot = { kind: 'home' } | { kind: 'compound'; compoundId: string } | { kind: 'keyframe'; keyframe: Keyframe };

export const HOME_SHOT: Shot = { kind: 'home' };

export interface Interruption {
  /** Who interrupts (e.g. 'alarm'); shown to testers, and ends only its own interruption. */
  by: string;
  compoundId: string;
}

/** Moves the camera; false when the map is not up yet. */
export type CameraMove = (shot: Shot) => boolean;

function flyTo(scene: CameraScene | null, shot: Shot): boolean {
  if (shot.kind === 'home') return resetView(scene);
  if (shot.kind === 'compound') return flyToCompound(scene, shot.compoundId);
  return flyToKeyframe(scene, shot.keyframe);
}

export class CameraDirector {
  base = $state.raw<Shot>(HOME_SHOT);
  interruption = $state.raw<Interruption | null>(null);
  private readonly move: CameraMove;
  private scene: CameraScene | null = null;
  private readonly interruptions = new Listeners<[interrupted: boolean]>();

  /** `move` replaces the map's flights (tests); by default the director flies its scene. */
  constructor(move?: CameraMove) {
    this.move = move ?? ((shot) => flyTo(this.scene, shot));
  }

  /** The map registers itself once it exists; returns the function that unregisters it. */
  attach(scene: CameraScene): () => void {
    this.scene = scene;
    return () => {
      if (this.scene === scene) this.scene = null;
    };
  }

  /** `listener` hears each interruption and its end (the tour holds its step meanwhile); returns the stop. */
  watchInterruptions(listener: (interrupted: boolean) => void): () => void {
    return this.interruptions.add(listener);
  }

  get interrupted(): boolean {
    return this.interruption !== null;
  }

  /** Sets the base shot; flies there now unless an interruption holds the camera. */
  setBase(shot: Shot): void {
    this.base = shot;
    if (!this.interruption) this.move(shot);
  }

  /** Takes the camera to a compound until `resume(by)`. A later interruption replaces it. */
  interrupt(by: string, compoundId: string): void {
    this.interruption = { by, compoundId };
    this.move({ kind: 'compound', compoundId });
    this.interruptions.tell(true);
  }

  /** Ends `by`'s interruption and flies back to the base shot; nothing if `by` holds none. */
  resume(by: string): void {
    if (this.interruption?.by !== by) return;
    this.interruption = null;
    this.move(this.base);
    this.interruptions.tell(false);
  }
}
