// The acceptance for tour mode: with `?tour=shiquan` the tour moves on by itself, then the
// presenter's keys step through the whole shipped tour, and at every step both the camera and the
// caption change, the caption box's text staying inside its rect; B blanks the screen and brings
// it back; a critical event produced to Kafka during the tour shows its alarm card, takes the
// camera for the alarm's dwell, and the tour then resumes at the same step, with the camera back
// on that step's shot, while the step's live card has counted the event.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../geo/loadPack.ts';
import { buildPackIndex } from '../../geo/packIndex.ts';
import type { WallTestHook } from '../../wall/map/testHook.ts';
import { loadTour } from '../../wall/tour/loadTour.ts';
import { eventOf } from '../integration/support/events.ts';
import { waitFor } from '../integration/support/relays.ts';
import { layoutProblems, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';
import shiquan from '../../wall/tours/shiquan.json';

const index = buildPackIndex(await loadPack());
const STEPS = shiquan.steps.length;
/** The tour as the wall plays it: compounds named in the caption's language. */
const tour = loadTour('shiquan.json', shiquan, index);
/** The step the alarm interrupts: the door sensors, whose live card counts sensor alerts. */
const ALARM_STEP = 3;
/** Far from every shot of the tour, so the alarm's fly-to is plain to see. */
const ALARM_COMPOUND = 'SQ-C70';
const ALARM_DWELL_MS = 6_000;
const SCREENSHOTS = process.env.TOUR_SCREENSHOTS;
/** Software WebGL draws about two frames a second: each step's flight takes seconds to settle. */
const STEP_THROUGH_MS = 420_000;
const ALARM_MS = 240_000;

type Camera = ReturnType<WallTestHook['camera']>;
type HookWindow = Window & { __wallTest?: WallTestHook };

const cameraOf = (page: Page) =>
  page.evaluate(() => {
    const hook = (window as HookWindow).__wallTest;
    if (!hook) throw new Error('the map is not up');
    return hook.camera();
  });

/** Visibly different: another place, zoom, tilt or heading. */
function differ(a: Camera, b: Camera): boolean {
  const metres = Math.hypot((a.center[0] - b.center[0]) * 95_000, (a.center[1] - b.center[1]) * 111_000);
  return metres > 30 || Math.abs(a.zoom - b.zoom) > 0.05 || Math.abs(a.pitch - b.pitch) > 1 || Math.abs(a.bearing - b.bearing) > 1;
}

/** The camera once it has stopped somewhere other than `from`. */
function cameraMovedFrom(page: Page, from: Camera, what: string): Promise<Camera> {
  return waitFor(
    what,
    async () => {
      const camera = await cameraOf(page);
      return !camera.moving && differ(camera, from) ? camera : undefined;
    },
    30_000,
  );
}

const settledCamera = (page: Page) =>
  waitFor(
    'the camera to settle',
    async () => {
      const camera = await cameraOf(page);
      return camera.moving ? undefined : camera;
    },
    30_000,
  );

/** What the page sees every 100 ms: the tour's step and state, and the camera. */
interface Sample {
  at: number;
  step: number;
  state: string;
  camera: Camera;
}

type TrackWindow = HookWindow & { __tourTrack?: Sample[] };

/** Samples in the page: a poll from outside takes seconds while software WebGL draws. */
function startTrack(page: Page): Promise<void> {
  return page.evaluate(() => {
    const win = window as TrackWindow;
    const track: Sample[] = (win.__tourTrack = []);
    setInterval(() => {
      const box = document.querySelector<HTMLElement>('[data-testid="tour-caption"]');
      const hook = win.__wallTest;
      if (!box || !hook) return;
      track.push({ at: Date.now(), step: Number(box.dataset.step), state: box.dataset.state ?? '', camera: hook.camera() });
    }, 100);
  });
}

const trackSoFar = (page: Page) => page.evaluate(() => (window as TrackWindow).__tourTrack ?? []);

const caption = (page: Page) => page.locator('[data-testid="tour-caption"]');

async function captionAt(page: Page, step: number, state: string, timeoutMs = 30_000): Promise<string> {
  await page.waitForSelector(`[data-testid="tour-caption"][data-step="${step}"][data-state="${state}"]`, { timeout: timeoutMs });
  return caption(page).locator('h2').innerText();
}

describe('tour mode', () => {
  let rig: WallRig;
  let wall: WallPage;

  beforeAll(async () => {
    rig = await WallRig.start({ name: 'wall-tour' });
    wall = await rig.openWallWithView(`?tour=shiquan&alarmDwellMs=${ALARM_DWELL_MS}`);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  it('steps through the whole shipped tour with the presenter’s keys, camera and caption changing each time', async () => {
    const { page } = wall;
    // Opened by the URL, it may have auto-advanced while the map was loading; T twice restarts it.
    await caption(page).waitFor({ timeout: 30_000 });
    await page.keyboard.press('t');
    await caption(page).waitFor({ state: 'detached', timeout: 30_000 });
    let camera = await settledCamera(page);
    const titles: string[] = [];
    const arrive = async (step: number, state: string, timeoutMs?: number) => {
      const title = await captionAt(page, step, state, timeoutMs);
      camera = await cameraMovedFrom(page, camera, `the camera to reach step ${step}`);
      expect(title, `the caption of step ${step}`).not.toBe(titles.at(-1));
      titles.push(title);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/step-${step}.png` });
      expect(await layoutProblemsOf(page), `step ${step}`).toEqual([]);
    };
    await page.keyboard.press('t');
    await arrive(1, 'playing');
    // Left alone, the tour moves on by itself once the step's dwell is over.
    await arrive(2, 'playing', shiquan.dwellMs + 30_000);
    // The presenter's clicker takes over, and the last step leads back to the first.
    for (let step = 3; step <= STEPS + 1; step++) {
      await page.keyboard.press('PageDown');
      await arrive(((step - 1) % STEPS) + 1, 'paused');
    }
    expect(new Set(titles).size).toBe(STEPS);
  }, STEP_THROUGH_MS);

  it('blanks the screen on B and brings it back', async () => {
    const { page } = wall;
    const step = Number(await caption(page).getAttribute('data-step'));
    await page.keyboard.press('b');
    await page.locator('[data-testid="tour-blank"]').waitFor({ state: 'visible', timeout: 10_000 });
    await captionAt(page, step, 'blank');
    await page.keyboard.press('b');
    await page.locator('[data-testid="tour-blank"]').waitFor({ state: 'detached', timeout: 10_000 });
    await captionAt(page, step, 'paused');
  });

  it('fits every step in English inside its box too', async () => {
    const { page } = wall;
    await page.keyboard.press('l');
    let step = Number(await caption(page).getAttribute('data-step'));
    for (let pressed = 0; pressed < STEPS; pressed++) {
      await page.keyboard.press('PageDown');
      step = (step % STEPS) + 1;
      const title = await captionAt(page, step, 'paused');
      expect(title).toBe(tour.steps[step - 1]?.title.en);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/en-${step}.png` });
      expect(await layoutProblemsOf(page), `step ${step} in English`).toEqual([]);
    }
    await page.keyboard.press('l');
    await page.waitForSelector('html[lang="zh-CN"]');
  }, ALARM_MS);

  it('gives way to a critical alarm and resumes at the same step', async () => {
    const { page } = wall;
    for (let step = Number(await caption(page).getAttribute('data-step')); step !== ALARM_STEP; ) {
      await page.keyboard.press('PageDown');
      step = (step % STEPS) + 1;
      await captionAt(page, step, 'paused');
    }
    await captionAt(page, ALARM_STEP, 'paused');
    const shot = await settledCamera(page);
    const sensorCard = page.locator('[data-testid="tour-stat"][data-kind="live"]', { hasText: '今日物联感知告警' }).locator('.value');
    const alertsBefore = Number((await sensorCard.innerText()).replace(/,/g, ''));

    await startTrack(page);
    await rig.send([eventOf('smoke', { compoundId: ALARM_COMPOUND, note: '测试: 导览中的紧急告警' })]);
    await page.locator(`[data-testid="alarm-card"][data-compound="${ALARM_COMPOUND}"]`).waitFor({ state: 'visible', timeout: 30_000 });
    // Flown to the alarm: the tour says it is interrupted, the camera is over the compound.
    const target = index.labelPoints.get(ALARM_COMPOUND)!;
    const nearTarget = (sample: Sample) => Math.hypot(sample.camera.center[0] - target[0], sample.camera.center[1] - target[1]) < 0.0005;
    const atAlarm = await waitFor(
      'the fly-to the alarm, the tour interrupted',
      async () => (await trackSoFar(page)).find((s) => s.state === 'interrupted' && s.step === ALARM_STEP && !s.camera.moving && nearTarget(s)),
      30_000,
    );
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/interrupted.png` });
    // Live data kept flowing underneath: the step's live card counted the alarm.
    await waitFor(
      'the live card to count the alarm',
      async () => (Number((await sensorCard.innerText()).replace(/,/g, '')) === alertsBefore + 1 ? true : undefined),
      30_000,
    );
    // After the alarm's dwell: the same step, the presenter's again, the camera back on its shot.
    const back = await waitFor(
      'the tour to resume on its shot',
      async () => (await trackSoFar(page)).find((s) => s.at > atAlarm.at && s.state === 'paused' && !s.camera.moving && !differ(s.camera, shot)),
      30_000,
    );
    expect(back.step).toBe(ALARM_STEP);
    const track = await trackSoFar(page);
    expect(track.filter((s) => s.at <= back.at).every((s) => s.step === ALARM_STEP)).toBe(true);
    expect(wall.errors).toEqual([]);
    expect(wall.external).toEqual([]);
  }, ALARM_MS);
});

/** Overflow of the caption box and of each stat card, besides the wall's own layout checks. */
async function layoutProblemsOf(page: Page): Promise<string[]> {
  const own = await page.evaluate(() => {
    const problems: string[] = [];
    const box = document.querySelector<HTMLElement>('[data-testid="tour-caption"]');
    if (!box) return ['no caption box'];
    const outer = box.getBoundingClientRect();
    for (const element of box.querySelectorAll<HTMLElement>('h2, p, [data-testid="tour-stat"] > *, footer, header')) {
      const inner = element.getBoundingClientRect();
      if (inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5 || inner.top < outer.top - 0.5 || inner.bottom > outer.bottom + 0.5) {
        problems.push(`${element.tagName.toLowerCase()}.${element.className}: outside the tour's rect`);
      }
      if (element.scrollWidth > element.clientWidth + 1) {
        problems.push(`${element.tagName.toLowerCase()}.${element.className}: text cut off`);
      }
    }
    const inner = box.firstElementChild as HTMLElement | null;
    if (inner && inner.scrollHeight > inner.clientHeight + 1) problems.push('the caption box is cut off at the bottom');
    return problems;
  });
  return [...own, ...(await layoutProblems(page))];
}
