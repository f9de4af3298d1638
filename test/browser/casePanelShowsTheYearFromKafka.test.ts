// The grid and hotline panel against a relay fed through Kafka with this year's cases so far (the
// historical profile's, moved onto this year): every figure it shows — cases accepted today,
// open and overdue, the year's cases, each rate for the year and today — is the one recounted
// here from the events produced, in Chinese and in English; the feed shows the newest case steps
// and the map rings the compounds with open cases. CASES_SHOTS_DIR=dir saves the wall at
// 1920×1080 with the panel (docs/cases.png).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STAGES, DEADLINE_STAGE, KIND_INFO, sourceOfKind, type CaseSource } from '../../relay/contract/index.ts';
import { createDayClock } from '../../relay/state/dayClock.ts';
import type { WallTestHook } from '../../wall/map/testHook.ts';
import { waitFor } from '../integration/support/relays.ts';
import { mapReady, shownCounts, type WallPage } from './support/wallPage.ts';
import { WallRig } from './support/wallRig.ts';
import { yearSoFar, type TimedEvent } from './support/yearSoFar.ts';

const SHOTS = process.env.CASES_SHOTS_DIR ?? '';
const HOUR = 3_600_000;
const clock = createDayClock('Asia/Shanghai');

/** Local date of an instant; the events come in time order, so one lookup a day. */
let lastDay = clock.dayOf(0);
function dateOf(instant: number): string {
  if (instant < lastDay.start || instant >= lastDay.end) lastDay = clock.dayOf(instant);
  return lastDay.date;
}

interface Case {
  source: CaseSource;
  kind: TimedEvent['kind'];
  openedAt: number;
  /** Index of the last stage reached; -1 while only opened. */
  stage: number;
}

interface Recount {
  today: Record<string, number>;
  year: Record<string, number>;
  cases: Case[];
}

/** Counts the events by the contract's rules: the cohorts of today and of the year, and every case. */
function recount(events: readonly TimedEvent[], source: CaseSource, now: number): Recount {
  const today = dateOf(now);
  const year = today.slice(0, 4);
  const counts = { today: {} as Record<string, number>, year: {} as Record<string, number> };
  const byId = new Map<string, Case & { date: string }>();
  const bump = (date: string, counter: string) => {
    if (date === today) counts.today[counter] = (counts.today[counter] ?? 0) + 1;
    if (date.startsWith(year)) counts.year[counter] = (counts.year[counter] ?? 0) + 1;
  };
  for (const event of events) {
    if (sourceOfKind(event.kind) !== source) continue;
    if (event.ref === undefined) {
      const date = dateOf(event.ts);
      byId.set(event.id, { source, kind: event.kind, openedAt: event.ts, stage: -1, date });
      bump(date, 'accepted');
      continue;
    }
    const opened = byId.get(event.ref);
    if (!opened || !event.stage) throw new Error(`step ${event.id} without its case`);
    opened.stage = CASE_STAGES[source].indexOf(event.stage as never);
    bump(opened.date, event.stage);
    if (event.onTime === true) bump(opened.date, 'onTime');
    if (event.resolved === true) bump(opened.date, 'resolved');
    if (event.satisfied === true) bump(opened.date, 'satisfied');
  }
  return { ...counts, cases: [...byId.values()] };
}

const isOpen = (c: Case) => c.stage < CASE_STAGES[c.source].indexOf('closed');
/** Open, short of its deadline stage, and past its kind's deadline at `now`. */
const isOverdue = (c: Case, now: number) =>
  isOpen(c) && c.stage < CASE_STAGES[c.source].indexOf(DEADLINE_STAGE[c.source] as never) && now - c.openedAt > (KIND_INFO[c.kind].deadlineHours ?? Infinity) * HOUR;

/** A share as the wall writes it. */
const percent = (part = 0, whole = 0) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
const grouped = (n: number) => n.toLocaleString('en-US');

const RATES: Record<CaseSource, [string, string, string][]> = {
  grid: [['closure', 'closed', 'accepted']],
  hotline: [
    ['contact', 'contacted', 'accepted'],
    ['onTime', 'onTime', 'finished'],
    ['resolution', 'resolved', 'reviewed'],
    ['satisfaction', 'satisfied', 'reviewed'],
  ],
};

describe('the grid and hotline panel', () => {
  let rig: WallRig;
  let wall: WallPage;
  let events: TimedEvent[];
  let producedAt: number;
  let counted: Record<CaseSource, Recount>;

  beforeAll(async () => {
    producedAt = Date.now();
    events = await yearSoFar(producedAt);
    counted = { grid: recount(events, 'grid', producedAt), hotline: recount(events, 'hotline', producedAt) };
    rig = await WallRig.start({ name: 'wall-cases', backlog: events });
    wall = await rig.openWall();
    await mapReady(wall.page);
  });

  afterAll(async () => {
    await rig?.stop();
  });

  /** The texts of the case panel's figures by test id, read in one call (software WebGL keeps the page busy). */
  const panelTexts = () =>
    wall.page.evaluate(() => {
      const texts: Record<string, string> = {};
      for (const element of document.querySelectorAll<HTMLElement>('[data-testid="panel-cases"] [data-testid]')) {
        texts[element.dataset.testid ?? ''] = element.textContent?.trim() ?? '';
      }
      return texts;
    });

  it('showsTheFiguresRecountedFromTheEventsInBothLanguages', async () => {
    expect(events.length).toBeGreaterThan(10_000);
    const panel = wall.page.locator('[data-testid="panel-cases"]');
    await panel.waitFor({ state: 'visible', timeout: 60_000 });
    const accepted = Object.fromEntries(
      (['grid', 'hotline'] as const).map((source) => [`count-cases-${source}`, counted[source].today.accepted ?? 0]),
    );
    await waitFor(
      'the cases accepted today',
      async () => {
        const shown = await shownCounts(wall.page, Object.keys(accepted));
        return Object.entries(accepted).every(([id, count]) => shown[id] === count) ? true : undefined;
      },
      60_000,
    );
    const texts = await panelTexts();
    const checkedAt = Date.now();
    for (const source of ['grid', 'hotline'] as const) {
      const { today, year, cases } = counted[source];
      expect(texts[`year-cases-${source}`]).toBe(grouped(year.accepted ?? 0));
      expect(texts[`open-cases-${source}`]).toBe(grouped(cases.filter(isOpen).length));
      // Overdue moves with the clock alone: between what it was when produced and what it is now.
      const shownOverdue = Number(texts[`overdue-cases-${source}`]?.replace(/\D/g, ''));
      expect(shownOverdue).toBeGreaterThanOrEqual(cases.filter((c) => isOverdue(c, producedAt)).length);
      expect(shownOverdue).toBeLessThanOrEqual(cases.filter((c) => isOverdue(c, checkedAt)).length);
      for (const [rate, of, over] of RATES[source]) {
        expect(texts[`rate-${source}-${rate}-year`], `${source} ${rate} this year`).toBe(percent(year[of], year[over]));
        expect(texts[`rate-${source}-${rate}-today`], `${source} ${rate} today`).toBe(percent(today[of], today[over]));
      }
    }
    const zh = (await panel.textContent()) ?? '';
    for (const label of ['网格案件', '12345热线', '今日受理', '结案率', '先行联系率', '按时办结率', '实际解决率', '群众满意度']) expect(zh).toContain(label);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await wall.page.screenshot({ path: `${SHOTS}/cases.png` });
    }

    await wall.page.keyboard.press('L');
    await wall.page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 30_000 });
    const en = (await panel.textContent()) ?? '';
    for (const label of ['Grid cases', '12345 hotline', 'Accepted today', 'Closure rate', 'First contact', 'Satisfaction']) expect(en).toContain(label);
    const { year } = counted.hotline;
    expect((await panelTexts())['rate-hotline-satisfaction-year']).toBe(percent(year.satisfied, year.reviewed));
    await wall.page.keyboard.press('L');
    await wall.page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: 30_000 });
  }, 240_000);

  it('listsTheNewestStepsInTheFeedAndRingsTheCompoundsWithOpenCases', async () => {
    const items = wall.page.locator('[data-testid="case-feed-item"]');
    await items.first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(await items.count()).toBe(3);
    const markers = await waitFor(
      'case rings on the map',
      () => wall.page.evaluate(() => (window as Window & { __wallTest?: WallTestHook }).__wallTest?.caseMarkers() ?? []).then((m) => (m.length > 0 ? m : undefined)),
      30_000,
    );
    const open = [...counted.grid.cases, ...counted.hotline.cases].filter(isOpen);
    expect(markers.reduce((sum, marker) => sum + marker.open, 0)).toBe(open.length);
    expect(markers.every((marker) => marker.open > 0 && marker.overdue <= marker.open)).toBe(true);
    expect(markers.some((marker) => marker.overdue > 0)).toBe(open.some((c) => isOverdue(c, Date.now())));

    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  }, 240_000);
});
