// A flood of GET /api/state: `clients` keep-alive connections, each asking again as soon as the
// last answer has arrived, for `durationMs`. The bodies are read and dropped.
import { Agent, request } from 'node:http';

export interface Flood {
  requests: number;
  /** Answers by status. */
  statuses: Record<number, number>;
}

export async function floodState(url: string, clients: number, durationMs: number): Promise<Flood> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const until = Date.now() + durationMs;
  const flood: Flood = { requests: 0, statuses: {} };
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ hostname, port, path: '/api/state', agent }, (res) => {
        flood.statuses[res.statusCode ?? 0] = (flood.statuses[res.statusCode ?? 0] ?? 0) + 1;
        res.resume();
        res.once('end', resolve);
      });
      req.once('error', reject);
      req.end();
    });
  const client = async () => {
    while (Date.now() < until) {
      await once();
      flood.requests++;
    }
  };
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  return flood;
}
