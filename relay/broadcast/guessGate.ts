// Slows token guessing from one address. Once an address has been refused, its next token checks
// are spaced `intervalMs` apart (each waits for its turn), at most `maxWaiting` wait at once
// (the rest are refused without a check), and the refusals are reported for a log line at most
// once per `logEveryMs` per address. An address forgets its past after `forgetMs` without a
// refusal. No lockout: the right token still gets in, after its turn, so a guesser sharing an
// address with a real wall (a NAT, a proxy) delays that wall but cannot keep it out for good.
// Pure: the clock comes in.

export interface GuessGateOptions {
  intervalMs: number;
  maxWaiting: number;
  logEveryMs: number;
  forgetMs: number;
  now(): number;
  maxAddresses?: number;
}

export interface GuessGate {
  /**
   * The wait before this attempt's token may be checked (0: at once), or null when too many of the
   * address's attempts wait already: refuse it unchecked. Call `checked` after a non-null answer.
   */
  turn(address: string): number | null;
  /** The attempt's check is done (or dropped: its connection closed while it waited). */
  checked(address: string): void;
  /**
   * Records a refusal (a wrong token, or an attempt refused unchecked); returns the refusals not
   * yet logged when a log line is due now, else null.
   */
  refused(address: string): number | null;
}

interface Past {
  nextCheckAt: number;
  waiting: number;
  lastRefusalAt: number;
  unlogged: number;
  loggedAt: number | null;
}

const MAX_ADDRESSES = 10_000;

export function createGuessGate({ intervalMs, maxWaiting, logEveryMs, forgetMs, now, maxAddresses = MAX_ADDRESSES }: GuessGateOptions): GuessGate {
  const pasts = new Map<string, Past>();
  const pastOf = (address: string, at: number): Past | undefined => {
    const past = pasts.get(address);
    if (past && past.waiting === 0 && at - past.lastRefusalAt > forgetMs) {
      pasts.delete(address);
      return undefined;
    }
    return past;
  };
  return {
    turn(address) {
      const at = now();
      const past = pastOf(address, at);
      if (!past) return 0;
      if (past.waiting >= maxWaiting) return null;
      const checkAt = Math.max(at, past.nextCheckAt);
      past.nextCheckAt = checkAt + intervalMs;
      past.waiting++;
      return checkAt - at;
    },
    checked(address) {
      const past = pasts.get(address);
      if (past && past.waiting > 0) past.waiting--;
    },
    refused(address) {
      const at = now();
      let past = pastOf(address, at);
      if (!past) {
        if (pasts.size >= maxAddresses) pasts.delete(pasts.keys().next().value!);
        past = { nextCheckAt: at + intervalMs, waiting: 0, lastRefusalAt: at, unlogged: 0, loggedAt: null };
        pasts.set(address, past);
      }
      past.lastRefusalAt = at;
      past.unlogged++;
      if (past.loggedAt !== null && at - past.loggedAt < logEveryMs) return null;
      const unlogged = past.unlogged;
      past.unlogged = 0;
      past.loggedAt = at;
      return unlogged;
    },
  };
}
