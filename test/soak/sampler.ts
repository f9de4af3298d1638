// One soak sample: the page's JS heap after a forced collection (DevTools protocol:
// HeapProfiler.collectGarbage, then Runtime.getHeapUsage), its DOM nodes and event listeners
// (Memory.getDOMCounters, cheap), what it shows (events counted, open incidents, alarm cards,
// the tour's step) and how many map frames it drew, and the relay's own memory from its /metrics.
// Alarm fly-tos and tour interruptions last seconds, so a sample every 30 s would miss most: the
// page counts them itself, from the attributes that announce them.
import type { CDPSession, Page } from 'playwright-core';
import { metric, type ChildRelay } from '../integration/support/relays.ts';
import type { SoakSample } from './summary.ts';

// Page scripts as text: tsx would wrap functions passed to page.evaluate in helpers the page lacks.
const COUNT_EPISODES = `(() => {
  window.__soakEpisodes = { alarmFlights: 0, tourInterruptions: 0 };
  new MutationObserver((records) => {
    for (const { target, attributeName, oldValue } of records) {
      const value = target.getAttribute(attributeName);
      if (value === oldValue) continue;
      const id = target.dataset.testid;
      if (id === 'alarm-queue' && attributeName === 'data-focus' && value) window.__soakEpisodes.alarmFlights++;
      if (id === 'tour-caption' && attributeName === 'data-state' && value === 'interrupted') window.__soakEpisodes.tourInterruptions++;
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-focus', 'data-state'] });
})()`;
const READ_SCREEN = `(() => {
  const valueOf = (element) => (element ? Number(element.dataset.value) : null);
  const kinds = [...document.querySelectorAll('[data-testid^="count-kind-"]')];
  const caption = document.querySelector('[data-testid="tour-caption"]');
  return {
    documentStartedAt: performance.timeOrigin,
    frames: window.__wallTest ? window.__wallTest.frames() : null,
    eventsShown: kinds.length > 0 ? kinds.reduce((sum, kind) => sum + valueOf(kind), 0) : null,
    openIncidents: valueOf(document.querySelector('[data-testid="count-open"]')),
    alarmCards: document.querySelectorAll('[data-testid="alarm-card"]').length,
    tour: caption ? { step: caption.dataset.step ?? '', state: caption.dataset.state ?? '' } : null,
    episodes: window.__soakEpisodes ?? null,
  };
})()`;

interface Screen {
  documentStartedAt: number;
  frames: number | null;
  eventsShown: number | null;
  openIncidents: number | null;
  alarmCards: number;
  tour: SoakSample['tour'];
  /** Null once the page has reloaded (the counting started with the first document). */
  episodes: { alarmFlights: number; tourInterruptions: number } | null;
}

export interface Sampler {
  /** A sample now; `seconds` is when, since the load started. */
  sample(seconds: number): Promise<SoakSample>;
  close(): Promise<void>;
}

/** A relay that does not answer its /metrics in this long is reported as not measured. */
const RELAY_TIMEOUT_MS = 5_000;
/** A page that does not answer a sample in this long has hung: the soak stops. */
const PAGE_TIMEOUT_MS = 120_000;

const megabytes = (bytes: number) => Math.round(bytes / 1000) / 1000;

/** Rejects with `what` when `promise` takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function relayMemory(relayUrl: string): Promise<{ rss: number | null; heap: number | null }> {
  try {
    const reading = Promise.all([metric(relayUrl, 'relay_process_resident_memory_bytes'), metric(relayUrl, 'relay_nodejs_heap_size_used_bytes')]);
    const [rss, heap] = await within(reading, RELAY_TIMEOUT_MS, 'the relay did not answer');
    return { rss: megabytes(rss), heap: megabytes(heap) };
  } catch {
    return { rss: null, heap: null };
  }
}

async function readPage(cdp: CDPSession, page: Page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const screen = (await page.evaluate(READ_SCREEN)) as Screen;
  return { heap, dom, screen };
}

export async function startSampler(page: Page, relay: ChildRelay): Promise<Sampler> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await page.evaluate(COUNT_EPISODES);
  let previous: { at: number; frames: number | null; documentStartedAt: number } | null = null;
  return {
    async sample(seconds) {
      const startedAt = Date.now();
      const [{ heap, dom, screen }, relayMemoryNow] = await Promise.all([
        within(readPage(cdp, page), PAGE_TIMEOUT_MS, `the page did not answer a sample in ${PAGE_TIMEOUT_MS / 1000} s`),
        relayMemory(relay.url),
      ]);
      const at = Date.now();
      const last = previous;
      // Frames of the same document only: a reloaded page counts from zero again.
      const mapFps =
        last && last.documentStartedAt === screen.documentStartedAt && last.frames !== null && screen.frames !== null
          ? ((screen.frames - last.frames) * 1000) / (at - last.at)
          : null;
      previous = { at, frames: screen.frames, documentStartedAt: screen.documentStartedAt };
      return {
        seconds,
        heapMB: megabytes(heap.usedSize),
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
        relayRssMB: relayMemoryNow.rss,
        relayHeapMB: relayMemoryNow.heap,
        relayRunning: relay.child.exitCode === null && relay.child.signalCode === null,
        eventsShown: screen.eventsShown,
        openIncidents: screen.openIncidents,
        mapFps: mapFps === null ? null : Math.round(mapFps * 100) / 100,
        alarmCards: screen.alarmCards,
        tour: screen.tour,
        alarmFlights: screen.episodes?.alarmFlights ?? null,
        tourInterruptions: screen.episodes?.tourInterruptions ?? null,
        documentStartedAt: screen.documentStartedAt,
        tookMs: at - startedAt,
      };
    },
    close: () => cdp.detach(),
  };
}
