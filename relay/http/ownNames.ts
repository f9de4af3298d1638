// The names and addresses a request may use to reach this machine without any setting:
// localhost, the loopback addresses, the hostname and every interface's address. Read again at
// most once a minute, so an address that DHCP hands out later is known without a restart.
import { hostname, networkInterfaces } from 'node:os';

const REREAD_MS = 60_000;

function read(): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', hostname().toLowerCase()]);
  for (const addresses of Object.values(networkInterfaces())) {
    // A link-local address may carry its zone (fe80::1%eth0); a Host header never does.
    for (const { address } of addresses ?? []) names.add(address.toLowerCase().replace(/%.*$/, ''));
  }
  return names;
}

export function ownNames(now: () => number = Date.now): () => ReadonlySet<string> {
  let names = read();
  let readAt = now();
  return () => {
    if (now() - readAt > REREAD_MS) {
      names = read();
      readAt = now();
    }
    return names;
  };
}
