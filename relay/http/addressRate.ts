// A token bucket per client address: `ratePerS` a second on average, bursts up to `burst`. For
// websocket handshakes, so one PC cannot make the relay accept connections faster than a wall
// ever needs to. Pure (the clock comes in); memory stays bounded: past `maxAddresses` the least
// recently seen address is forgotten (it starts again with a full bucket).

export interface AddressRateOptions {
  ratePerS: number;
  burst: number;
  now(): number;
  maxAddresses?: number;
}

export interface AddressRate {
  /** Takes one token for the address; false when it has none left (refuse the request). */
  take(address: string): boolean;
  /** Addresses remembered now (for tests of the bound). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_ADDRESSES = 10_000;

export function createAddressRate({ ratePerS, burst, now, maxAddresses = MAX_ADDRESSES }: AddressRateOptions): AddressRate {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number) => Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * ratePerS);
  return {
    take(address) {
      const at = now();
      const bucket = buckets.get(address);
      const tokens = bucket ? refill(bucket, at) : burst;
      // Re-inserted, so the map's order is the order addresses were last seen.
      buckets.delete(address);
      if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!);
      const allowed = tokens >= 1;
      buckets.set(address, { tokens: allowed ? tokens - 1 : tokens, at });
      return allowed;
    },
    get size() {
      return buckets.size;
    },
  };
}
