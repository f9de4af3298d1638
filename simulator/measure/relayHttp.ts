// The relay's HTTP side as the simulator uses it: is it ready (caught up with Kafka), and its
// counts from GET /api/state (which wants the relay's WALL_TOKEN as a bearer token, when it has
// one). Failures are one-line errors naming the URL.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Snapshot } from '../../relay/protocol/snapshot.ts';
import { countsOfSnapshot, type RelayCounts } from './relayCounts.ts';

const REQUEST_TIMEOUT_MS = 5_000;
const READY_POLL_MS = 250;

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).message ?? String(error);
}

async function get(url: string, token: string | null = null): Promise<Response> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  try {
    return await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`cannot reach the relay at ${url} (${reason(error)})`);
  }
}

/** The relay's counts now. */
export async function fetchCounts(relayUrl: string, token: string | null): Promise<RelayCounts> {
  const url = `${relayUrl}/api/state`;
  const response = await get(url, token);
  if (response.status === 401) throw new Error(`${url} answered HTTP 401: unauthorized, check --wall-token`);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  let snapshot: Snapshot;
  try {
    snapshot = (await response.json()) as Snapshot;
    return countsOfSnapshot(snapshot);
  } catch {
    throw new Error(`${url} did not answer with the relay's state`);
  }
}

/** Resolves once /readyz says the relay has caught up with Kafka; fails after `timeoutMs`. */
export async function waitUntilReady(relayUrl: string, timeoutMs: number): Promise<void> {
  const url = `${relayUrl}/readyz`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await get(url);
    if (response.ok) return;
    if (response.status !== 503) throw new Error(`${url} answered HTTP ${response.status}`);
    if (Date.now() >= deadline) throw new Error(`the relay at ${relayUrl} is still rebuilding from Kafka after ${timeoutMs / 1000} s`);
    await sleep(READY_POLL_MS);
  }
}
