// The player ties the tour to the rest of the wall: each step sets the camera director's base
// shot, an alarm's interruption holds the step and hands the camera back to it, leaving the tour
// sends the camera home, and a tour that does not load leaves the wall as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPack } from '../../../../geo/loadPack.ts';
import { NO_HIGHLIGHT } from '../../../../wall/layers/highlight.ts';
import { CameraDirector, HOME_SHOT, type Shot } from '../../../../wall/map/cameraDirector.svelte.ts';
import { TourPlayer } from '../../../../wall/tour/tourPlayer.svelte.ts';
import { TOUR_FILES } from '../../../../wall/tour/tours.ts';

const pack = await loadPack();
const T0 = 1_000_000;

function playerWithCamera(files: Readonly<Record<string, unknown>> = TOUR_FILES) {
  const flights: Shot[] = [];
  const director = new CameraDirector((shot) => (flights.push(shot), true));
  return { player: new TourPlayer(pack, { director, showHeat: () => {} }, files), director, flights };
}

afterEach(() => vi.restoreAllMocks());

describe('the tour player', () => {
  it('flies to each step’s shot as the presenter steps through, and home when the tour closes', () => {
    const { player, flights } = playerWithCamera();
    expect(player.open('shiquan', T0)).toBe(true);
    const steps = player.tour?.steps ?? [];
    for (let i = 1; i < steps.length; i++) player.next(T0 + i);
    expect(flights).toEqual(steps.map((step) => step.camera));
    expect(player.phase).toBe('paused');
    player.close();
    expect(flights.at(-1)).toEqual(HOME_SHOT);
    expect(player.playing).toBe(false);
    expect(player.highlight).toBe(NO_HIGHLIGHT);
  });

  it('gives the map the step’s highlight', () => {
    const { player } = playerWithCamera();
    player.open('shiquan', T0);
    const steps = player.tour?.steps ?? [];
    const pilot = steps.findIndex((step) => step.highlight.compounds.has('SQ-C02'));
    for (let i = 0; i < pilot; i++) player.next(T0);
    expect(player.highlight.compounds.has('SQ-C02')).toBe(true);
    expect(player.step?.heat).toBe(steps[pilot]?.heat);
  });

  it('holds the step while an alarm has the camera, and the director flies back to it afterwards', () => {
    const { player, director, flights } = playerWithCamera();
    player.open('shiquan', T0);
    player.next(T0);
    const shot = player.step?.camera;
    director.interrupt('alarm', 'SQ-C40');
    player.interrupted(true, T0 + 1_000);
    expect(player.phase).toBe('interrupted');
    // The presenter may step on meanwhile: the base changes, the alarm keeps the camera.
    player.next(T0 + 2_000);
    player.previous(T0 + 3_000);
    expect(flights.at(-1)).toEqual({ kind: 'compound', compoundId: 'SQ-C40' });
    director.resume('alarm');
    player.interrupted(false, T0 + 9_000);
    expect(flights.at(-1)).toEqual(shot);
    expect(player.state?.step).toBe(1);
    expect(player.phase).toBe('paused');
  });

  it('auto-advances on the timer', () => {
    const { player } = playerWithCamera();
    player.open('shiquan', T0);
    const deadline = player.state?.deadline ?? 0;
    player.tick(deadline - 1);
    expect(player.state?.step).toBe(0);
    player.tick(deadline);
    expect(player.state?.step).toBe(1);
    expect(player.phase).toBe('playing');
  });

  it('refuses an unknown tour or a broken file, says why, and leaves the camera alone', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { player, flights } = playerWithCamera({ broken: { id: 'broken' } });
    expect(player.open('nowhere', T0)).toBe(false);
    expect(player.open('broken', T0)).toBe(false);
    expect(error.mock.calls.map(([message]) => String(message))).toEqual([
      'tour: no tour "nowhere" (known: broken)',
      expect.stringMatching(/^tour broken:\n {2}title is required\n/),
    ]);
    expect(player.playing).toBe(false);
    expect(flights).toEqual([]);
  });
});
