// Free text from upstream reaches the wall's screen: markup and script in an event's note must
// show as the literal characters and run nothing. Checked in real Chromium on the built wall,
// served by a relay fed from Kafka, with the page's own CSP in force — which must also stop a
// script that somehow got into the page from running inline.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../infra/chromium.ts';
import { EventProducer, eventOf, recordOf } from '../integration/support/events.ts';
import { getState, spawnRelay, uniquePrefix, waitFor, type ChildRelay } from '../integration/support/relays.ts';
import { MARKUP } from './support/hostileMessages.ts';
import { WALL_BUILD_DIR } from '../infra/wallBuildDir.ts';

const brokers = inject('kafkaBrokers');
const prefix = uniquePrefix('fault-markup');
// Built by the project's wall global setup.
const FEED_ITEMS = '[data-testid="panel-feed"] [data-testid="feed-item"]';

describe('markup in a note on the wall', () => {
  let relay: ChildRelay;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    relay = await spawnRelay({ brokers, prefix, wallDir: WALL_BUILD_DIR, tickHz: 4 });
    await waitFor('the relay to be ready', async () => ((await fetch(`${relay.url}/readyz`)).ok ? true : undefined), 30_000);
    const producer = await EventProducer.connect(brokers);
    try {
      // Warning and critical kinds, so every one goes to the feed.
      const kinds = ['smoke', 'street_vendor', 'theft'] as const;
      await producer.send(MARKUP.map((note, i) => recordOf(prefix, eventOf(kinds[i % kinds.length]!, { note }))));
    } finally {
      await producer.close();
    }
    await waitFor('the events', async () => ((await getState(relay.url)).feed.length === MARKUP.length ? true : undefined));
    ({ browser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(d: string): void }).reportViolation(event.violatedDirective),
      );
    });
    await page.goto(relay.url);
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.kill('SIGTERM');
  });

  it('shows each note as its literal text and runs none of it', async () => {
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length > 0, FEED_ITEMS, { timeout: 90_000 });
    await page.waitForFunction(
      ({ selector, count }) => document.querySelectorAll(`${selector} .note`).length >= count,
      { selector: FEED_ITEMS, count: MARKUP.length },
      { timeout: 30_000 },
    );
    const notes = await page.locator(`${FEED_ITEMS} .note`).allTextContents();
    expect([...notes].sort()).toEqual([...MARKUP].sort());
    // Text only: not one element came out of the markup.
    expect(await page.locator(`${FEED_ITEMS} .note *`).count()).toBe(0);
    expect(await page.locator('[data-testid="panel-feed"] :is(script, img, svg, iframe)').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('refuses to run inline script under its CSP', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__inline = true');
      handler.src = 'data:,not-an-image';
      document.body.append(handler);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (window as unknown as { __inline?: boolean }).__inline ?? false;
    });
    expect(ran).toBe(false);
    expect(violations).toContain('script-src-elem');
    expect(violations).toContain('script-src-attr');
  });
});
