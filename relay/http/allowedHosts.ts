// Which `Host` a request may name and which `Origin` may open a wall's websocket. A page on another
// site that a browser on the LAN shows must not read the relay: its websocket handshake carries
// that site's Origin, and a DNS-rebinding page's requests carry that site's name as their Host.
// Pure: the machine's own names come in from the caller (ownNames.ts reads them).

export interface HostRules {
  /** Names and addresses that are always the relay's: localhost, its hostname, its interfaces. */
  own(): ReadonlySet<string>;
  /**
   * More names from ALLOWED_HOSTS: exact names, `.example.com` for that domain and its
   * subdomains, or `*` for any.
   */
  extra: readonly string[];
  /** Origins from ALLOWED_ORIGINS (`scheme://host[:port]`, normalised), besides the relay's own. */
  origins: readonly string[];
}

interface HostPort {
  hostname: string;
  /** Empty when the header names none. */
  port: string;
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased, without a trailing dot; null if malformed. */
export function parseHost(header: string | undefined): HostPort | null {
  if (!header) return null;
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s/@]+))(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return null;
  const hostname = (match[1] ?? match[2]!).toLowerCase().replace(/\.$/, '');
  return hostname ? { hostname, port: match[3] ?? '' } : null;
}

function listed(hostname: string, extra: readonly string[]): boolean {
  return extra.some((entry) => entry === '*' || entry === hostname || (entry.startsWith('.') && (hostname === entry.slice(1) || hostname.endsWith(entry))));
}

/** Whether a request naming this Host is for the relay (any port). */
export function hostAllowed(header: string | undefined, rules: HostRules): boolean {
  const host = parseHost(header);
  return host !== null && (rules.own().has(host.hostname) || listed(host.hostname, rules.extra));
}

const defaultPort = (protocol: string) => (protocol === 'https:' || protocol === 'wss:' ? '443' : '80');

/** `scheme://host[:port]` as browsers send it, or null when the text is not such an origin. */
export function normaliseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (!/^(https?|wss?):$/.test(url.protocol) || url.origin === 'null') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Whether a websocket handshake from this Origin may go on: none at all (not a browser: the
 * token still applies), the relay's own (the same host and port as the request's Host), or one
 * from ALLOWED_ORIGINS. `Origin: null` (sandboxed frames, files) is refused.
 */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined, rules: HostRules): boolean {
  if (origin === undefined) return true;
  const normal = normaliseOrigin(origin);
  if (normal === null) return false;
  if (rules.origins.includes(normal)) return true;
  const url = new URL(normal);
  const host = parseHost(hostHeader);
  if (host === null) return false;
  const port = defaultPort(url.protocol);
  return url.hostname.replace(/^\[|\]$/g, '') === host.hostname && (url.port || port) === (host.port || port);
}
